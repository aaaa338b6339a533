import { sql } from 'drizzle-orm';
import type { AppContext } from '../../apps/server/src/context.js';

/**
 * Indexes proposed for a migration (issue 5, authority list; /tmp/coord/perf-schema.md) and not yet in
 * apps/server's migrations: applied here so the benchmark measures the list as it will run. IF NOT
 * EXISTS keeps this harmless once the migration lands. BENCH_PENDING_INDEXES=0 measures without them.
 * The VACUUM sets the visibility map that index-only scans need (autovacuum would, later).
 */
export const PENDING_INDEXES = [
  sql`create index if not exists applications_submitted_scope_idx on applications (round_id, region_code varchar_pattern_ops, category) include (id, organisation_id) where current_number is not null`,
  sql`create index if not exists organisations_name_by_id_idx on organisations (id) include (name)`,
];

export async function applyPendingIndexes(ctx: AppContext): Promise<void> {
  if (process.env.BENCH_PENDING_INDEXES === '0') return;
  for (const statement of PENDING_INDEXES) await ctx.db.execute(statement);
  await ctx.db.execute(sql`vacuum analyze applications, organisations`);
}
