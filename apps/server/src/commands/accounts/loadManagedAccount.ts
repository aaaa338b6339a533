import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { forbidden, notFound } from '../../errors.js';
import { mayIssueFor } from './issuingRules.js';
import { loadIssuableRegion } from './loadRegion.js';

/**
 * An authority account the actor manages (its issuing level, or an administrator), for a reset.
 * Accounts of the actor's own region are listed read only (403 with `ownRegionMessage`); any other
 * account does not exist for this actor (404), so a foreign region learns nothing.
 */
export async function loadManagedAccount(ctx: AppContext, actor: Actor, accountId: string, ownRegionMessage: string) {
  const [account] = await ctx.db.select().from(users).where(and(eq(users.id, accountId), eq(users.role, 'authority'))).limit(1);
  const region = account?.regionCode ? await loadIssuableRegion(ctx.db, account.regionCode) : null;
  if (!account || !region) throw notFound('账号');
  if (!mayIssueFor(actor, region)) {
    if (account.regionCode === actor.regionCode) throw forbidden(ownRegionMessage);
    throw notFound('账号');
  }
  return account;
}
