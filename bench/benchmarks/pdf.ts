import { runJob } from '../lib/procs.js';
import { fmt, pct, type BenchContext, type Row } from '../lib/context.js';

interface CannonResult { rps: number; requests: number; non2xx: number; errors: number; timeouts: number; p50: number; p99: number }
/** As many clients as cores: rendering is CPU work, more only queue. */
const CONNECTIONS = 2;

/**
 * Row 4: GET /api/applications/:id/pdf of a fully filled enterprise application (every field at its
 * maximum, three files listed), rendered per request, against a one-page PDF with the same font and
 * library from the bare Fastify server.
 */
export async function benchPdf(ctx: BenchContext, bareUrl: string): Promise<Row[]> {
  const { applicationId, cookie } = ctx.seed.pdf;
  const path = `/api/applications/${applicationId}/pdf`;
  const res = await fetch(`${ctx.app.url}${path}`, { headers: { cookie } });
  const size = (await res.arrayBuffer()).byteLength;
  const app = await runJob<CannonResult>(ctx.work, 'load/cannon.ts', { kind: 'get', url: ctx.app.url, path, cookie, connections: CONNECTIONS, duration: ctx.sizes.pdfSeconds });
  const bare = await runJob<CannonResult>(ctx.work, 'load/cannon.ts', { kind: 'get', url: bareUrl, path: '/onepage.pdf', connections: CONNECTIONS, duration: ctx.sizes.pdfSeconds });
  const errors = app.non2xx + app.errors + app.timeouts;
  return [
    { benchmark: `4 PDF application book (${CONNECTIONS} clients)`, measure: 'documents/s', value: fmt(app.rps, 1), baseline: `one page, same font: ${fmt(bare.rps, 1)}/s`, ratio: pct(app.rps, bare.rps), target: '–', pass: null },
    { benchmark: '', measure: 'p50 / p99 ms', value: `${fmt(app.p50)} / ${fmt(app.p99)}`, baseline: `${fmt(bare.p50)} / ${fmt(bare.p99)}`, ratio: '–', target: 'p99 < 300 ms', pass: app.p99 < 300 },
    { benchmark: '', measure: 'file size', value: `${fmt(size / 1024)} KB`, baseline: '–', ratio: '–', target: '< 1 MB', pass: size > 0 && size < 1024 * 1024 && res.ok },
    { benchmark: '', measure: 'errors', value: `${errors} of ${app.requests}`, baseline: '–', ratio: '–', target: '0', pass: errors === 0 },
  ];
}
