import type { Actor, AppContext } from '../../context.js';
import { asAuthority } from '../../db/queries/authorityScope.js';
import { checkBulk, ownRegionClosed, type BulkItem } from './bulkCheck.js';
import { issueBulkToken, type BulkAction } from './bulkTokens.js';
import { loadRound } from './scope.js';

export interface BulkPreview {
  /** Single use, valid 10 minutes, only for this actor and round. */
  token: string;
  count: number;
  items: BulkItem[];
  quotaProblems: string[];
}

/**
 * 批量操作确认: what would change, with names and problems; nothing changes yet. Items with a
 * problem are left out of the plan; quota problems block the commit altogether.
 */
export async function previewBulk(ctx: AppContext, actor: Actor, roundId: string, input: { action: BulkAction; ids: string[] }): Promise<BulkPreview> {
  const authority = asAuthority(actor);
  const round = await loadRound(ctx, authority, roundId);
  const ids = [...new Set(input.ids)];
  const closed = await ownRegionClosed(ctx.db, round.id, authority.regionCode);
  const check = await checkBulk(ctx.db, authority, round, input.action, ids, closed);
  const leftOut = check.items.filter((i) => i.problem).length;
  const plan = { actorId: authority.id, roundId: round.id, action: input.action, ids: check.toChange.map((a) => a.id), leftOut };
  const token = issueBulkToken(ctx, plan, ctx.now());
  return { token, count: check.count, items: check.items, quotaProblems: check.quotaProblems };
}
