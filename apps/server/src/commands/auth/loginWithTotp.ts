import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { recoveryCodes, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashRecoveryCode, verifyTotp } from '../../services/totp.js';
import { completeLogin, type UserRow } from './login.js';
import { consumeLoginTicket, readLoginTicket } from './loginTicket.js';
import { attemptFailed, beginAttempt } from './loginThrottle.js';

/**
 * The second login step: the ticket from the password step plus a current code or an unused recovery
 * code. Wrong codes count towards the same lockout as wrong passwords.
 */
export async function loginWithTotp(
  ctx: AppContext,
  opts: {
    ticket: string;
    /** 6 digits from the authenticator app */
    code?: string;
    /** one of the recovery codes shown at enrolment */
    recoveryCode?: string;
    ip: string | null;
  },
): Promise<UserRow> {
  const t = await readLoginTicket(ctx, opts.ticket);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, t.userId)).limit(1);
  if (!user?.totpSecretEnc || !user.totpEnabledAt) throw new AppError('UNAUTHENTICATED', '登录已超时，请重新输入账号和密码');
  const scope = { userId: user.id, ip: opts.ip };
  const counts = await beginAttempt(ctx, scope);

  const now = ctx.now();
  let factor: 'totp' | 'recovery' | null = null;
  if (opts.code) {
    if (await verifyTotp(ctx.db, user.id, ctx.personalData.reveal(user.totpSecretEnc), opts.code.trim(), now)) factor = 'totp';
  } else if (opts.recoveryCode) {
    // Single use even under concurrent requests: only one UPDATE finds used_at empty.
    const used = await ctx.db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(opts.recoveryCode)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (used.length > 0) factor = 'recovery';
  }
  if (!factor) {
    await recordAudit(ctx.db, { actorId: user.id, action: 'user.login_failed', subjectType: 'user', subjectId: user.id, ip: opts.ip, detail: { factor: opts.code ? 'totp' : 'recovery' } });
    await attemptFailed(ctx, counts, scope);
    throw new AppError('UNAUTHENTICATED', opts.code ? '动态口令错误或已使用，请输入验证器中的最新口令' : '恢复码错误或已使用', { [opts.code ? 'code' : 'recoveryCode']: '口令不正确' });
  }
  if (!(await consumeLoginTicket(ctx, t.nonce, t.expiresAt))) throw new AppError('UNAUTHENTICATED', '登录已超时，请重新输入账号和密码');
  await completeLogin(ctx, user, { ip: opts.ip, factor });
  return user;
}
