import { runJob } from '../lib/procs.js';
import type { BenchContext } from '../lib/context.js';
import { SAVE_CHANGES } from './autosave.js';
import { LIST_FILTERS, LIST_USER } from './list.js';

export interface DirectResult { ops: number; opsPerSec: number; errors: number; p50: number; p90: number; p99: number; sql?: string }

/**
 * The baselines measured on the database directly, before the app starts (PGlite admits one process):
 * the save's UPDATE and its whole write transaction at each concurrency, and the list's statement.
 */
export async function benchDirect(ctx: Omit<BenchContext, 'app' | 'authorities'>, listConcurrency: number, want = { saves: true, list: true }) {
  const db = { databaseUrl: ctx.databaseUrl, dataDir: ctx.databaseUrl ? undefined : ctx.dataDir };
  // Applications of their own (the app's autosave clients keep their versions).
  const ids = ctx.seed.autosave.slice(ctx.sizes.concurrency.reduce((a, b) => a + b, 0)).map((c) => c.applicationId);
  const saves: Record<number, { update: DirectResult; saveTx: DirectResult }> = {};
  const data = { ...ctx.seed.journeyFields.reduce<Record<string, unknown>>((o, [k, v]) => ((o[k] = v), o), {}), ...SAVE_CHANGES };
  for (const c of want.saves ? ctx.sizes.concurrency : []) {
    const job = { ...db, concurrency: c, seconds: Math.max(3, ctx.sizes.autosaveSeconds / 2), applicationIds: ids, data };
    saves[c] = {
      update: await runJob<DirectResult>(ctx.work, 'baselines/directSql.ts', { ...job, kind: 'update' }),
      saveTx: await runJob<DirectResult>(ctx.work, 'baselines/directSql.ts', { ...job, kind: 'saveTx' }),
    };
  }
  const list = want.list ? await runJob<DirectResult>(ctx.work, 'baselines/directSql.ts', { ...db, kind: 'list', concurrency: listConcurrency, seconds: ctx.sizes.listSeconds, username: LIST_USER, filters: LIST_FILTERS }) : null;
  return { saves: want.saves ? saves : null, list };
}
