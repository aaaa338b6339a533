import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { sessions, users } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { hashPassword } from '../../services/passwords.js';
import { generatePassword } from './generatePassword.js';
import { mayIssueFor } from './issuingRules.js';
import { loadIssuableRegion } from './loadRegion.js';

/**
 * The issuing level resets a lost password: a new one-time password (shown once), the first-login
 * step again, and every session of the account ends at once.
 */
export async function resetAccountPassword(ctx: AppContext, actor: Actor, accountId: string) {
  const [account] = await ctx.db.select().from(users).where(and(eq(users.id, accountId), eq(users.role, 'authority'))).limit(1);
  const region = account?.regionCode ? await loadIssuableRegion(ctx.db, account.regionCode) : null;
  if (!account || !region) throw notFound('账号');
  if (!mayIssueFor(actor, region)) {
    // Accounts of the own region are listed (read only); anything else does not exist for this actor.
    if (account.regionCode === actor.regionCode) throw forbidden('只能由上一级主管部门重置本账号密码');
    throw notFound('账号');
  }
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
