import { runJob } from '../lib/procs.js';
import { fmt, pct, type BenchContext, type Row } from '../lib/context.js';
import type { DirectResult } from './direct.js';

/** The city of Shenzhen (the lowest review level: it sees every submitted application in its region). */
export const LIST_USER = 'sz_gxj';
/** Enterprise applications, sorted by name, third page of 20 (a reviewer working through the list). */
export const LIST_FILTERS = { category: 'enterprise', sort: 'name', order: 'asc', page: 3, pageSize: 20 } as const;
export const LIST_CONCURRENCY = 4;

interface CannonResult { rps: number; requests: number; ok: number; non2xx: number; errors: number; timeouts: number; p50: number; p99: number }

/** Row 5: the authority list over HTTP (session, TOTP-enrolled account, presenter) against its bare SQL. */
export async function benchList(ctx: BenchContext, direct: DirectResult): Promise<Row[]> {
  const q = new URLSearchParams(Object.fromEntries(Object.entries(LIST_FILTERS).map(([k, v]) => [k, String(v)])));
  const path = `/api/authority/rounds/${ctx.seed.roundId}/applications?${q}`;
  const probe = await fetch(`${ctx.app.url}${path}`, { headers: { cookie: ctx.authorities[LIST_USER]! } });
  const body = (await probe.json()) as { total?: number; counts?: { all: number } };
  const app = await runJob<CannonResult>(ctx.work, 'load/cannon.ts', { kind: 'get', url: ctx.app.url, path, cookie: ctx.authorities[LIST_USER], connections: LIST_CONCURRENCY, duration: ctx.sizes.listSeconds });
  const errors = app.non2xx + app.errors + app.timeouts;
  return [
    { benchmark: `5 Authority list (${LIST_USER}: ${body.counts?.all ?? '?'} visible of ${ctx.seed.timings.bulkRows.toLocaleString('en')}, ${body.total ?? '?'} enterprise; ${LIST_CONCURRENCY} clients)`, measure: 'p99 ms', value: fmt(app.p99), baseline: `bare SQL p99 ${fmt(direct.p99)} ms`, ratio: pct(direct.p99, app.p99), target: 'p99 < 50 ms, ≥ 50%', pass: app.p99 < 50 && app.p99 <= 2 * direct.p99 },
    { benchmark: '', measure: 'lists/s (p50 ms)', value: `${fmt(app.rps, 1)} (${fmt(app.p50)})`, baseline: `${fmt(direct.opsPerSec, 1)} (${fmt(direct.p50)})`, ratio: pct(app.rps, direct.opsPerSec), target: '–', pass: null },
    { benchmark: '', measure: 'errors', value: `${errors} of ${app.requests}`, baseline: '–', ratio: '–', target: '0', pass: errors === 0 },
  ];
}
