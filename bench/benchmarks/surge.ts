import fs from 'node:fs';
import path from 'node:path';
import { runJob, sampleRss, memoryOf } from '../lib/procs.js';
import { makeBigDocx, makeBigPdf } from '../lib/documents.js';
import { fmt, type BenchContext, type Row } from '../lib/context.js';

export interface SurgeResult {
  applicants: number;
  started: number;
  completed: number;
  errors: Record<string, number>;
  errorCount: number;
  seconds: number;
  peakInFlight: number;
  steps: Record<string, { count: number; p50: number; p99: number; max: number; failed: number }>;
  timeline: [number, number, number][];
  inFlight: { at: number; n: number }[];
  peakRssMb?: number;
}

const MB = 1024 * 1024;

/**
 * Row 2: the deadline surge (bench/load/surge.ts) against the running app; the server's RSS is sampled
 * throughout and its peak reported.
 */
export async function benchSurge(ctx: BenchContext): Promise<{ rows: Row[]; result: SurgeResult }> {
  // Two to eight MB, a docx and a PDF of each size, shared by the applicants (each upload is stored anew).
  const sizes = [2, 3, 4, 5, 6, 7, 8];
  const files = { docx: [] as string[], pdf: [] as string[] };
  for (const mb of sizes) {
    const docx = path.join(ctx.work, `narrative-${mb}.docx`);
    const pdf = path.join(ctx.work, `supporting-${mb}.pdf`);
    fs.writeFileSync(docx, makeBigDocx(mb * MB));
    fs.writeFileSync(pdf, makeBigPdf(mb * MB));
    files.docx.push(docx);
    files.pdf.push(pdf);
  }
  const sampler = sampleRss(ctx.app.pid, 200);
  const result = await runJob<SurgeResult>(ctx.work, 'load/surge.ts', {
    url: ctx.app.url,
    password: ctx.seed.password,
    applicants: ctx.seed.surge.slice(0, ctx.sizes.surgeApplicants),
    journeyFields: ctx.seed.journeyFields,
    files,
    seconds: ctx.sizes.surgeSeconds,
    spikeShare: 0.4,
    thinkMs: 300,
    maxInFlight: 400,
    hardStopSeconds: ctx.sizes.surgeSeconds * 2 + 60,
  });
  result.peakRssMb = Math.max(sampler.stop(), memoryOf(ctx.app.pid).rss);
  const s = result.steps;
  const p99 = (k: string) => `${fmt(s[k]?.p99 ?? NaN)}`;
  const rows: Row[] = [
    { benchmark: `2 Deadline surge (${result.applicants} applicants over ${ctx.sizes.surgeSeconds} s, 40% in the last fifth)`, measure: 'completed journeys', value: `${result.completed} of ${result.applicants} in ${fmt(result.seconds)} s (peak ${result.peakInFlight} in flight)`, baseline: '–', ratio: '–', target: 'all', pass: result.completed === result.applicants },
    { benchmark: '', measure: 'errors', value: `${result.errorCount}${result.errorCount ? ` (${Object.entries(result.errors).map(([k, v]) => `${k}×${v}`).join('; ')})` : ''}`, baseline: '–', ratio: '–', target: '0', pass: result.errorCount === 0 },
    { benchmark: '', measure: 'p99 ms: login / save / upload (one file) / submit / pdf', value: `${p99('login')} / ${p99('save')} / ${p99('upload')} / ${p99('submit')} / ${p99('pdf')}`, baseline: `p50: ${['login', 'save', 'upload', 'submit', 'pdf'].map((k) => fmt(s[k]?.p50 ?? NaN)).join(' / ')}`, ratio: '–', target: '–', pass: null },
    { benchmark: '', measure: 'peak server RSS', value: `${fmt(result.peakRssMb)} MB`, baseline: '–', ratio: '–', target: '< 1 GB', pass: result.peakRssMb < 1024 },
  ];
  for (const f of [...files.docx, ...files.pdf]) fs.rmSync(f, { force: true });
  return { rows, result };
}
