import type { AppContext } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword } from '../../services/passwords.js';
import { consumeSmsCode } from './smsCodes.js';

/** Registers an applicant account: one account per mobile number, proven by an SMS code. */
export async function registerApplicant(ctx: AppContext, opts: { mobile: string; code: string; password: string; ip: string | null }) {
  const mobileIndex = ctx.personalData.blindIndex(opts.mobile);
  await consumeSmsCode(ctx, { mobile: opts.mobile, purpose: 'register', code: opts.code });
  const passwordHash = await hashPassword(opts.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ role: 'applicant', mobileEnc: ctx.personalData.protect(opts.mobile), mobileIndex, passwordHash })
        .returning();
      await recordAudit(tx, { actorId: user!.id, action: 'user.register', subjectType: 'user', subjectId: user!.id, ip: opts.ip });
      return user!;
    });
  } catch (err) {
    // The unique blind index turns a concurrent second registration into a clear conflict.
    if (isUniqueViolation(err)) {
      throw new AppError('MOBILE_TAKEN', '该手机号已注册，请直接登录或找回密码', { mobile: '该手机号已注册' });
    }
    throw err;
  }
}
