import { runJob } from '../lib/procs.js';
import { fmt, pct, type BenchContext, type Row } from '../lib/context.js';
import type { DirectResult } from './direct.js';

interface CannonResult { rps: number; requests: number; ok: number; non2xx: number; errors: number; timeouts: number; p50: number; p99: number; statusCodes: Record<string, { count: number }> }

/** The change an autosave sends: one text field of typical length. */
export const SAVE_CHANGES = { mainBusiness: '面向装备制造企业提供全生命周期管理、远程运维与供应链协同服务，年服务客户三百余家。' };

/**
 * Row 1: saves/s and p50/p99 of PATCH /api/applications/:id/fields at each concurrency, each connection
 * its own applicant and application (sessions, CSRF, validation, the version check, the saves log and the
 * audit row all included), against (a) the bare Fastify route and (b) the save's UPDATE run directly.
 */
export async function benchAutosave(ctx: BenchContext, bareUrl: string, direct: Record<number, { update: DirectResult; saveTx: DirectResult }>): Promise<Row[]> {
  const rows: Row[] = [];
  let offset = 0;
  for (const c of ctx.sizes.concurrency) {
    const clients = ctx.seed.autosave.slice(offset, offset + c);
    offset += c;
    const app = await runJob<CannonResult>(ctx.work, 'load/cannon.ts', { kind: 'save', url: ctx.app.url, connections: c, duration: ctx.sizes.autosaveSeconds, clients, changes: SAVE_CHANGES });
    const bare = await runJob<CannonResult>(ctx.work, 'load/cannon.ts', { kind: 'save', url: bareUrl, connections: c, duration: ctx.sizes.autosaveSeconds, clients, changes: SAVE_CHANGES });
    const { update, saveTx } = direct[c]!;
    const errors = app.non2xx + app.errors + app.timeouts;
    const codes = Object.entries(app.statusCodes).filter(([s]) => s !== '200').map(([s, v]) => `${s}×${v.count}`).join(' ');
    rows.push(
      { benchmark: `1 Autosave, ${c} clients`, measure: 'saves/s', value: fmt(app.rps), baseline: `(b) UPDATE direct ${fmt(update.opsPerSec)}/s`, ratio: pct(app.rps, update.opsPerSec), target: '≥ 50% of (b)', pass: app.rps >= 0.5 * update.opsPerSec },
      { benchmark: '', measure: 'saves/s vs bare route', value: fmt(app.rps), baseline: `(a) bare Fastify ${fmt(bare.rps)}/s`, ratio: pct(app.rps, bare.rps), target: '–', pass: null },
      { benchmark: '', measure: 'saves/s vs whole write', value: fmt(app.rps), baseline: `UPDATE+save row+audit row in a transaction, direct ${fmt(saveTx.opsPerSec)}/s`, ratio: pct(app.rps, saveTx.opsPerSec), target: '–', pass: null },
      { benchmark: '', measure: 'p50 / p99 ms', value: `${fmt(app.p50)} / ${fmt(app.p99)}`, baseline: `(a) ${fmt(bare.p50)} / ${fmt(bare.p99)}; (b) ${fmt(update.p50)} / ${fmt(update.p99)}`, ratio: '–', target: c >= 256 ? 'p99 < 100 ms' : '–', pass: c >= 256 ? app.p99 < 100 : null },
      { benchmark: '', measure: 'errors', value: `${errors}${codes ? ` (${codes})` : ''} of ${app.requests}`, baseline: '–', ratio: '–', target: '0', pass: errors === 0 },
    );
  }
  return rows;
}
