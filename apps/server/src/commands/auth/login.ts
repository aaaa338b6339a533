import { eq, sql } from 'drizzle-orm';
import { isValidMobile } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { verifyPassword } from '../../services/passwords.js';

/** Checks a mobile number (applicants) or user name (issued accounts) and the password. */
export async function login(ctx: AppContext, opts: { login: string; password: string; ip: string | null }) {
  const where = isValidMobile(opts.login) ? eq(users.mobileIndex, ctx.personalData.blindIndex(opts.login)) : eq(users.username, opts.login);
  const [user] = await ctx.db.select().from(users).where(where).limit(1);
  const ok = user ? await verifyPassword(user.passwordHash, opts.password) : false;
  if (!user || !ok) {
    if (user) {
      await ctx.db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` }).where(eq(users.id, user.id));
      await recordAudit(ctx.db, { actorId: user.id, action: 'user.login_failed', subjectType: 'user', subjectId: user.id, ip: opts.ip });
    }
    throw new AppError('UNAUTHENTICATED', '手机号/账号或密码错误');
  }
  await ctx.db.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id));
  await recordAudit(ctx.db, { actorId: user.id, action: 'user.login', subjectType: 'user', subjectId: user.id, ip: opts.ip });
  return user;
}
