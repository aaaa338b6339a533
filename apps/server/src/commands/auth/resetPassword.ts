import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword } from '../../services/passwords.js';
import { consumeSmsCode } from './smsCodes.js';

/** Sets a new password after an SMS code to the account's own number; ends every session of the account. */
export async function resetPassword(ctx: AppContext, opts: { mobile: string; code: string; password: string; ip: string | null }) {
  const mobileIndex = ctx.personalData.blindIndex(opts.mobile);
  await consumeSmsCode(ctx, { mobile: opts.mobile, purpose: 'reset', code: opts.code });
  const passwordHash = await hashPassword(opts.password);
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now(), failedLogins: 0 }).where(eq(users.mobileIndex, mobileIndex)).returning({ id: users.id });
    if (!user) throw new AppError('NOT_FOUND', '该手机号尚未注册');
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, { actorId: user.id, action: 'user.reset_password', subjectType: 'user', subjectId: user.id, ip: opts.ip });
  });
}
