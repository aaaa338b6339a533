import fs from 'node:fs';
import path from 'node:path';
import { run, runJob } from '../lib/procs.js';
import { makeBigJpeg } from '../lib/documents.js';
import { fmt, pct, type BenchContext, type Row } from '../lib/context.js';

interface UploadResult { ok: number; errors: number[]; seconds: number; mbPerSec: number }

/** `dd` writing the payload into the app's data folder (the same disk) with fsync, `parallel` at once. */
async function ddMbPerSec(payload: string, dir: string, parallel: number): Promise<number> {
  const bytes = fs.statSync(payload).size;
  const t = performance.now();
  await Promise.all(Array.from({ length: parallel }, (_, i) => run('dd', [`if=${payload}`, `of=${path.join(dir, `dd-${i}.bin`)}`, 'bs=5M', 'conv=fsync'])));
  const seconds = (performance.now() - t) / 1000;
  for (let i = 0; i < parallel; i++) fs.rmSync(path.join(dir, `dd-${i}.bin`), { force: true });
  return (bytes * parallel) / 1024 / 1024 / seconds;
}

/** Row 3: MB/s of a tus upload of `uploadMb` (one, then eight in parallel) against dd with fsync. */
export async function benchUploads(ctx: BenchContext): Promise<Row[]> {
  const payload = path.join(ctx.work, 'brochure.jpg');
  fs.writeFileSync(payload, makeBigJpeg(ctx.sizes.uploadMb * 1024 * 1024));
  const rows: Row[] = [];
  let used = 0;
  for (const parallel of [1, 8]) {
    const clients = ctx.seed.uploads.slice(used, used + parallel);
    used += parallel;
    const tus = await runJob<UploadResult>(ctx.work, 'load/uploads.ts', { url: ctx.app.url, clients, payload, parallel });
    const dd = await ddMbPerSec(payload, ctx.dataDir, parallel);
    rows.push({
      benchmark: rows.length ? '' : `3 Uploads (${ctx.sizes.uploadMb} MB tus, 5 MB chunks)`,
      measure: `MB/s, ${parallel} at once`,
      value: `${fmt(tus.mbPerSec)}${tus.errors.length ? ` (errors: ${tus.errors.join(',')})` : ''}`,
      baseline: `dd conv=fsync ${fmt(dd)} MB/s`,
      ratio: pct(tus.mbPerSec, dd),
      target: '≥ 70%',
      pass: tus.errors.length === 0 && tus.mbPerSec >= 0.7 * dd,
    });
  }
  fs.rmSync(payload, { force: true });
  return rows;
}
