import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword, verifyPassword } from '../../services/passwords.js';
import { createSession } from '../../services/sessions.js';
import { attemptFailed, attemptSucceeded, beginAttempt } from './loginThrottle.js';

/**
 * A logged-in user changes the password: the current one is checked (wrong guesses count towards the
 * lockout), every session of the account ends, and the caller gets a fresh one (returned token).
 */
export async function changePassword(ctx: AppContext, actor: Actor, opts: { currentPassword: string; newPassword: string }): Promise<string> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  const scope = { userId: user.id, ip: actor.ip };
  const counts = await beginAttempt(ctx, scope);
  if (!(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    await attemptFailed(ctx, counts, scope);
    throw new AppError('VALIDATION', '当前密码不正确', { currentPassword: '当前密码不正确' });
  }
  await attemptSucceeded(ctx, scope);
  if (opts.currentPassword === opts.newPassword) throw new AppError('VALIDATION', '新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
  const passwordHash = await hashPassword(opts.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now(), failedLogins: 0 }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    const token = await createSession(tx, user.id, ctx.env.SESSION_TTL_HOURS, ctx.now());
    await recordAudit(tx, { actorId: user.id, action: 'user.change_password', subjectType: 'user', subjectId: user.id, ip: actor.ip });
    return token;
  });
}
