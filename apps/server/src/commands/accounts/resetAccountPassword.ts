import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { sessions, users } from '../../db/schema/index.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword } from '../../services/passwords.js';
import { generatePassword } from './generatePassword.js';
import { loadManagedAccount } from './loadManagedAccount.js';

/**
 * The issuing level resets a lost password: a new one-time password (shown once), the first-login
 * step again, and every session of the account ends at once.
 */
export async function resetAccountPassword(ctx: AppContext, actor: Actor, accountId: string) {
  const account = await loadManagedAccount(ctx, actor, accountId, '只能由上一级主管部门重置本账号密码');
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: now, failedLogins: 0 }).where(eq(users.id, account.id));
    await tx.delete(sessions).where(eq(sessions.userId, account.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'account.reset_password',
      subjectType: 'user',
      subjectId: account.id,
      regionCode: account.regionCode,
      detail: { username: account.username },
      ip: actor.ip,
    });
  });
  return { initialPassword };
}
