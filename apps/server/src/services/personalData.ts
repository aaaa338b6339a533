import crypto from 'node:crypto';

/**
 * The one module that touches personal data (mobile numbers, e-mails, ID numbers) at rest.
 * Values are encrypted with SM4-CBC (GB/T 32907) under a random IV; look-ups use a keyed SM3
 * HMAC blind index, so queries never need the plain value and a database dump shows none.
 * Stored form: `sm4:<key id>:<iv hex>:<ciphertext base64>` — the key id allows rotation.
 */
export interface PersonalData {
  protect(plain: string): string;
  reveal(stored: string): string;
  blindIndex(plain: string): string;
}

export function createPersonalData(opts: { key: string; indexKey: string; keyId?: string }): PersonalData {
  const key = Buffer.from(opts.key, 'hex');
  const indexKey = Buffer.from(opts.indexKey, 'hex');
  const keyId = opts.keyId ?? 'k1';
  return {
    protect(plain) {
      const iv = crypto.randomBytes(16);
      const cipher = crypto.createCipheriv('sm4-cbc', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `sm4:${keyId}:${iv.toString('hex')}:${ct.toString('base64')}`;
    },
    reveal(stored) {
      const [scheme, , ivHex, ctB64] = stored.split(':');
      if (scheme !== 'sm4' || !ivHex || !ctB64) throw new Error('not a protected value');
      const decipher = crypto.createDecipheriv('sm4-cbc', key, Buffer.from(ivHex, 'hex'));
      return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64')), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return crypto.createHmac('sm3', indexKey).update(plain.trim().toLowerCase()).digest('hex');
    },
  };
}
