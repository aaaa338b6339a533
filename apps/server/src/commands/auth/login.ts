import { and, eq, sql } from 'drizzle-orm';
import { isValidMobile } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from '../../services/passwords.js';
import { attemptFailed, attemptSucceeded, beginAttempt } from './loginThrottle.js';

export type UserRow = typeof users.$inferSelect;

/**
 * Checks a mobile number (applicants) or user name (issued accounts) and the password, under the
 * lockout: a locked address or account is refused with 429 before the password is even looked at.
 * Returns the user and whether a second factor must follow; the caller starts the session.
 */
export async function login(ctx: AppContext, opts: { login: string; password: string; ip: string | null }): Promise<{ user: UserRow; needsTotp: boolean }> {
  const where = isValidMobile(opts.login) ? eq(users.mobileIndex, ctx.personalData.blindIndex(opts.login)) : eq(users.username, opts.login);
  const [user] = await ctx.db.select().from(users).where(where).limit(1);
  const scope = { userId: user?.id ?? null, ip: opts.ip };
  const counts = await beginAttempt(ctx, scope);
  const ok = user ? await verifyPassword(user.passwordHash, opts.password) : await verifyAgainstDecoy(opts.password);
  if (!user || !ok) {
    if (user) {
      await ctx.db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` }).where(eq(users.id, user.id));
      await recordAudit(ctx.db, { actorId: user.id, action: 'user.login_failed', subjectType: 'user', subjectId: user.id, ip: opts.ip });
    }
    // The attempt that sets the lock already answers 429 with the time to retry.
    await attemptFailed(ctx, counts, scope);
    throw new AppError('UNAUTHENTICATED', '手机号/账号或密码错误');
  }
  if (needsRehash(user.passwordHash)) await rehash(ctx, user, opts.password);
  if (user.totpEnabledAt && user.totpSecretEnc) {
    // The account's count stays until the second factor is right too, so re-entering the password
    // does not buy more code guesses; the address gets its attempt back.
    await attemptSucceeded(ctx, { userId: null, ip: opts.ip });
    return { user, needsTotp: true };
  }
  await completeLogin(ctx, user, { ip: opts.ip, factor: 'password' });
  return { user, needsTotp: false };
}

/**
 * A hash made with older parameters is replaced once the password proved right (only the password
 * step knows it); the condition leaves a password changed meanwhile alone.
 */
async function rehash(ctx: AppContext, user: UserRow, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await ctx.db.update(users).set({ passwordHash }).where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
}

/** The last step of every successful login: the account's failure count ends, an audit row is written. */
export async function completeLogin(ctx: AppContext, user: UserRow, opts: { ip: string | null; factor: 'password' | 'totp' | 'recovery' }): Promise<void> {
  await ctx.db.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id));
  await attemptSucceeded(ctx, { userId: user.id, ip: opts.ip });
  await recordAudit(ctx.db, { actorId: user.id, action: 'user.login', subjectType: 'user', subjectId: user.id, ip: opts.ip, detail: { factor: opts.factor } });
}
