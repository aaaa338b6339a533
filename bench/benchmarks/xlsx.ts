import { memoryOf, sampleRss } from '../lib/procs.js';
import { fmt, type BenchContext, type Row } from '../lib/context.js';

const RUNS = 3;

/**
 * Row 6: the province's 推荐汇总表 as XLSX (gd_gxt: every row recommended by its cities and by itself):
 * seconds per export and the server's memory while it runs (RSS sampled every 20 ms, above its RSS before).
 */
export async function benchXlsx(ctx: BenchContext): Promise<Row[]> {
  const url = `${ctx.app.url}/api/authority/rounds/${ctx.seed.roundId}/summary.xlsx`;
  const headers = { cookie: ctx.authorities.gd_gxt! };
  const rows = await fetch(`${ctx.app.url}/api/authority/rounds/${ctx.seed.roundId}/summary`, { headers }).then((r) => r.json() as Promise<{ rows?: unknown[] }>);
  const times: number[] = [];
  let growth = 0;
  let size = 0;
  let ok = true;
  for (let i = 0; i < RUNS; i++) {
    const before = memoryOf(ctx.app.pid).rss;
    const sampler = sampleRss(ctx.app.pid, 20);
    const t = performance.now();
    const res = await fetch(url, { headers });
    size = (await res.arrayBuffer()).byteLength;
    times.push((performance.now() - t) / 1000);
    growth = Math.max(growth, sampler.stop() - before);
    ok &&= res.ok;
  }
  return [
    { benchmark: `6 Summary table XLSX (province, ${rows.rows?.length ?? '?'} recommended rows)`, measure: 'seconds (best / worst of 3)', value: `${fmt(Math.min(...times), 2)} / ${fmt(Math.max(...times), 2)}`, baseline: '–', ratio: '–', target: '–', pass: ok ? null : false },
    { benchmark: '', measure: 'server memory while exporting', value: `+${fmt(growth)} MB RSS (file ${fmt(size / 1024)} KB)`, baseline: '–', ratio: '–', target: '–', pass: null },
  ];
}
