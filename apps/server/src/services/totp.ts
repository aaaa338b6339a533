import crypto from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

/** Roles that must have a second factor (等保 2.0 level 3: privileged and reviewing accounts). */
export const TOTP_REQUIRED_ROLES: readonly string[] = ['authority', 'expert', 'admin'];
export const totpRequiredFor = (role: string) => TOTP_REQUIRED_ROLES.includes(role);

/** Shown as the account's title in authenticator apps. */
export const TOTP_ISSUER = '服务型制造示范申报平台';
const PERIOD = 30;

export const newTotpSecret = (): string => generateSecret();

export function totpUri(label: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

export async function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
}

/** The code an authenticator shows at `now` (demo panel, e2e, tests). */
export function currentTotp(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/**
 * Time steps already used per account, so a code cannot be replayed within its window. Kept in
 * memory: each instance guards its own logins (a replay would also need the password and a ticket).
 */
const lastStep = new Map<string, number>();

/** Accepts the current code or one step either side, once. */
export function verifyTotp(key: string, secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const last = lastStep.get(key);
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: PERIOD,
    ...(last !== undefined ? { afterTimeStep: last } : {}),
  });
  // The TOTP strategy reports the matched step (the union type also covers HOTP).
  if (!result.valid || !('timeStep' in result)) return false;
  lastStep.set(key, result.timeStep);
  return true;
}

// Recovery codes: 10 characters without look-alikes, shown as xxxxx-xxxxx.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => {
    let s = '';
    for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** SHA-256 of the code without case, spaces or dashes, so a retyped code still matches. */
export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}
