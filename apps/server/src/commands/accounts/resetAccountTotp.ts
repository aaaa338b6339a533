import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { recoveryCodes, sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { forgetTotpSteps } from '../../services/totp.js';
import { loadManagedAccount } from './loadManagedAccount.js';

/**
 * The issuing level resets a lost second factor (phone lost or replaced): the secret and its
 * recovery codes go, every session of the account ends, and at the next login the holder must
 * enrol a new authenticator before anything else (the TOTP_REQUIRED gate). The reason is audited.
 */
export async function resetAccountTotp(ctx: AppContext, actor: Actor, accountId: string, opts: { reason: string }): Promise<{ sessionsEnded: number }> {
  const account = await loadManagedAccount(ctx, actor, accountId, '只能由上一级主管部门重置本账号的动态口令');
  if (!account.totpEnabledAt && !account.totpSecretEnc) throw new AppError('CONFLICT', '该账号尚未绑定动态口令，无需重置');
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecretEnc: null, totpEnabledAt: null }).where(eq(users.id, account.id));
    const voided = await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, account.id)).returning({ id: recoveryCodes.id });
    const ended = await tx.delete(sessions).where(eq(sessions.userId, account.id)).returning({ id: sessions.id });
    await forgetTotpSteps(tx, account.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'account.reset_totp',
      subjectType: 'user',
      subjectId: account.id,
      regionCode: account.regionCode,
      detail: { username: account.username, reason: opts.reason, recoveryCodesVoided: voided.length, sessionsEnded: ended.length },
      ip: actor.ip,
    });
    return { sessionsEnded: ended.length };
  });
}
