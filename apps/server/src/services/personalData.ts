import crypto from 'node:crypto';

/**
 * The one module that touches personal data (mobile numbers, e-mails, ID numbers) at rest.
 * Values are encrypted with SM4-CBC (GB/T 32907) under a random IV; look-ups use a keyed SM3
 * HMAC blind index, so queries never need the plain value and a database dump shows none.
 * Stored form: `sm4:<key id>:<iv hex>:<ciphertext base64>`. New values are written under the current
 * key; older ones are read with the key their id names, until `npm run keys:rotate` re-encrypts them.
 */
export interface PersonalData {
  protect(plain: string): string;
  reveal(stored: string): string;
  blindIndex(plain: string): string;
  /** The id of the key new values are written under. */
  readonly currentKeyId: string;
  /** The key id a stored value names; null when the text is not a protected value. */
  keyIdOf(stored: string): string | null;
}

/** Key ids go into the stored form between colons. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
const KEY_PATTERN = /^[0-9a-fA-F]{32}$/;

export interface PersonalDataKeys {
  /** SM4 key (32 hex) new values are written under. */
  key: string;
  /** Its id in the stored form (default k1, the id of every value written before rotation existed). */
  keyId?: string;
  /** Earlier keys by id, to read values not yet re-encrypted. */
  oldKeys?: Record<string, string>;
  /** Key (≥ 32 hex) of the keyed SM3 blind index. */
  indexKey: string;
}

export function createPersonalData(opts: PersonalDataKeys): PersonalData {
  const keyId = opts.keyId ?? 'k1';
  const keys = new Map<string, Buffer>();
  for (const [id, hex] of Object.entries(opts.oldKeys ?? {})) keys.set(id, Buffer.from(hex, 'hex'));
  // The current key wins over an old entry of the same id.
  const key = Buffer.from(opts.key, 'hex');
  keys.set(keyId, key);
  const indexKey = Buffer.from(opts.indexKey, 'hex');
  const parse = (stored: string) => {
    const [scheme, id, ivHex, ctB64] = stored.split(':');
    return scheme === 'sm4' && id && ivHex && ctB64 ? { id, ivHex, ctB64 } : null;
  };
  return {
    currentKeyId: keyId,
    protect(plain) {
      const iv = crypto.randomBytes(16);
      const cipher = crypto.createCipheriv('sm4-cbc', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `sm4:${keyId}:${iv.toString('hex')}:${ct.toString('base64')}`;
    },
    reveal(stored) {
      const p = parse(stored);
      if (!p) throw new Error('not a protected value');
      const k = keys.get(p.id);
      // Names the id only: the operator adds that key to PERSONAL_DATA_OLD_KEYS.
      if (!k) throw new Error(`personal data key "${p.id}" is not configured (PERSONAL_DATA_OLD_KEYS)`);
      const decipher = crypto.createDecipheriv('sm4-cbc', k, Buffer.from(p.ivHex, 'hex'));
      return Buffer.concat([decipher.update(Buffer.from(p.ctB64, 'base64')), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return crypto.createHmac('sm3', indexKey).update(plain.trim().toLowerCase()).digest('hex');
    },
    keyIdOf(stored) {
      return parse(stored)?.id ?? null;
    },
  };
}

/**
 * Reads PERSONAL_DATA_OLD_KEYS: `k1:<32 hex>,k0:<32 hex>`. Throws a message naming the bad entry
 * (never the key itself).
 */
export function parseOldKeys(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, entry] of (text ?? '').split(',').map((s) => s.trim()).entries()) {
    if (!entry) continue;
    const [id, hex, ...rest] = entry.split(':');
    if (!id || !KEY_ID_PATTERN.test(id) || !hex || !KEY_PATTERN.test(hex) || rest.length) {
      throw new Error(`entry ${n + 1} must be <key id>:<32 hex characters>`);
    }
    if (out[id]) throw new Error(`key id "${id}" is given twice`);
    out[id] = hex;
  }
  return out;
}
