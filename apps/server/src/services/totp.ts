import crypto from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { usedAuthTokens } from '../db/schema/index.js';

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
 * Accepts the current code or one step either side, once per account: the accepted step is recorded
 * in the database (used_auth_tokens), so neither the same code nor an older one passes again, through
 * this instance or any other.
 */
export async function verifyTotp(db: DbOrTx, userId: string, secret: string, code: string, now: Date): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: PERIOD });
  // The TOTP strategy reports the matched step (the union type also covers HOTP).
  if (!result.valid || !('timeStep' in result)) return false;
  return claimTotpStep(db, userId, result.timeStep);
}

/**
 * Records `step` as the account's last used step unless that step or a later one was used already;
 * one statement, so two instances checking the same code at once cannot both succeed.
 */
async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  // After two more steps no code of this step (or an earlier one) verifies any more.
  const expiresAt = new Date((step + 3) * PERIOD * 1000);
  const claimed = await db
    .insert(usedAuthTokens)
    .values({ kind: 'totp', key: userId, step, expiresAt })
    .onConflictDoUpdate({
      target: [usedAuthTokens.kind, usedAuthTokens.key],
      set: { step: sql`excluded.step`, expiresAt: sql`excluded.expires_at` },
      setWhere: sql`${usedAuthTokens.step} < excluded.step`,
    })
    .returning({ key: usedAuthTokens.key });
  return claimed.length > 0;
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

/**
 * Forgets the account's used steps when its secret goes (reset, new enrolment): codes of a new
 * secret must not be refused because the old one was used in the same half minute.
 */
export async function forgetTotpSteps(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(usedAuthTokens).where(and(eq(usedAuthTokens.kind, 'totp'), eq(usedAuthTokens.key, userId)));
}
