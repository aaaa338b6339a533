import { sql } from 'drizzle-orm';
import type { AppContext } from '../../apps/server/src/context.js';

/**
 * After the bulk seed: VACUUM ANALYZE sets the visibility map that the authority list's index-only scans
 * need (migration 0008's covering indexes) and fresh planner statistics — autovacuum would, later.
 */
export async function applyPendingIndexes(ctx: AppContext): Promise<void> {
  await ctx.db.execute(sql`vacuum analyze applications, organisations`);
}
