import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword, verifyPassword } from '../../services/passwords.js';

export interface FirstLoginInput {
  /** The contact person of the authority for this platform. */
  contactName: string;
  /** Their mobile; stored encrypted. */
  contactMobile: string;
  /** Optional office phone. */
  contactPhone?: string;
  /** Replaces the one-time password; the policy is checked by the route schema. */
  newPassword: string;
}

/** First login of an issued account: bind the contact person, replace the one-time password, clear the flag. */
export async function completeFirstLogin(ctx: AppContext, actor: Actor, input: FirstLoginInput) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (!user.mustChangePassword) throw new AppError('CONFLICT', '本账号已完成首次登录设置');
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw new AppError('VALIDATION', '新密码不能与初始密码相同', { newPassword: '新密码不能与初始密码相同' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const contact = {
    name: input.contactName,
    mobileEnc: ctx.personalData.protect(input.contactMobile),
    ...(input.contactPhone ? { phone: input.contactPhone } : {}),
  };
  return ctx.db.transaction(async (tx) => {
    // The flag in the WHERE clause makes a double submit update nothing the second time.
    const [updated] = await tx
      .update(users)
      .set({ contact, passwordHash, mustChangePassword: false, passwordChangedAt: ctx.now() })
      .where(and(eq(users.id, user.id), eq(users.mustChangePassword, true)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '本账号已完成首次登录设置');
    await recordAudit(tx, {
      actorId: user.id,
      action: 'account.first_login',
      subjectType: 'user',
      subjectId: user.id,
      regionCode: user.regionCode,
      detail: { contactName: input.contactName },
      ip: actor.ip,
    });
    return updated!;
  });
}
