/**
 * npm run bench: the platform measured against the limits of the same machine in the same run, on
 * PostgreSQL (its own throwaway cluster) and on PGlite (a temp data folder). Prints one Markdown table
 * and writes it, with the surge's latency charts, to bench/results/. See bench/README.md.
 *   BENCH_QUICK=1      a ~2-minute smoke run (small sizes)
 *   BENCH_MODES=postgres,pglite   which modes (default both)
 *   BENCH_APPLICATIONS, BENCH_SURGE_APPLICANTS, BENCH_SURGE_SECONDS, BENCH_PGLITE_SURGE_APPLICANTS,
 *   BENCH_AUTOSAVE_SECONDS, BENCH_UPLOAD_MB, BENCH_KEEP=1 (keep the scratch folder)
 *   BENCH_ONLY=autosave,list,pdf,xlsx,uploads,surge   run only these benchmarks (default all)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentTotp } from '../apps/server/src/services/totp.js';
import { DEMO_TOTP_SECRETS } from '../apps/server/src/db/seed/authorities.js';
import { DEMO_PASSWORD } from '../apps/server/src/db/seed/demo.js';
import { ROOT, run, startApp, startBare, memoryOf } from './lib/procs.js';
import { markdownTable, surgeChart } from './lib/report.js';
import type { BenchContext, Mode, Row, Seed, Sizes } from './lib/context.js';
import { benchDirect } from './benchmarks/direct.js';
import { benchAutosave } from './benchmarks/autosave.js';
import { benchList, LIST_CONCURRENCY, LIST_USER } from './benchmarks/list.js';
import { benchPdf } from './benchmarks/pdf.js';
import { benchXlsx } from './benchmarks/xlsx.js';
import { benchUploads } from './benchmarks/uploads.js';
import { benchSurge, type SurgeResult } from './benchmarks/surge.js';

const quick = process.env.BENCH_QUICK === '1';
const num = (name: string, full: number, small: number) => Number(process.env[name] ?? (quick ? small : full));
const sizesFor = (mode: Mode): Sizes => ({
  quick,
  applications: num('BENCH_APPLICATIONS', 100_000, 10_000),
  recommended: num('BENCH_RECOMMENDED', 2000, 300),
  concurrency: [64, 256],
  autosaveSeconds: num('BENCH_AUTOSAVE_SECONDS', 10, 3),
  // PGlite runs the database on the app's own thread: a smaller surge keeps the whole run bounded.
  surgeApplicants: mode === 'postgres' ? num('BENCH_SURGE_APPLICANTS', 2000, 60) : num('BENCH_PGLITE_SURGE_APPLICANTS', 300, 30),
  surgeSeconds: num('BENCH_SURGE_SECONDS', 180, 20),
  uploadMb: num('BENCH_UPLOAD_MB', 100, 20),
  listSeconds: num('BENCH_LIST_SECONDS', 8, 3),
  pdfSeconds: num('BENCH_PDF_SECONDS', 8, 3),
});
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const wants = (name: string) => only.size === 0 || only.has(name);
const modes = (process.env.BENCH_MODES ?? 'postgres,pglite').split(',') as Mode[];
const started = Date.now();
const log = (msg: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

// Production settings (keys given, no dev outbox); the seed and the app share them.
const KEYS = { PERSONAL_DATA_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', BLIND_INDEX_KEY: 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f' };

/** Password, then the TOTP step with the demo secret: the session cookie of an authority account. */
async function loginAuthority(url: string, username: string): Promise<string> {
  const csrf = 'b'.repeat(43);
  const headers = { 'content-type': 'application/json', cookie: `fw_csrf=${csrf}`, 'x-csrf-token': csrf, 'x-forwarded-for': '10.255.0.1' };
  const first = await fetch(`${url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ login: username, password: DEMO_PASSWORD }) });
  const { ticket } = (await first.json()) as { ticket?: string };
  if (!ticket) throw new Error(`${username}: no TOTP ticket (${first.status})`);
  const second = await fetch(`${url}/api/auth/login/totp`, { method: 'POST', headers, body: JSON.stringify({ ticket, code: currentTotp(DEMO_TOTP_SECRETS[username]!, new Date()) }) });
  const sid = second.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('fw_sid='));
  if (!second.ok || !sid) throw new Error(`${username}: TOTP step failed (${second.status})`);
  return sid;
}

async function runMode(mode: Mode): Promise<{ rows: Row[]; surge: SurgeResult | null; seed: Seed; peakRss: number; load: number[] }> {
  const sizes = sizesFor(mode);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `fw-bench-${mode}-`));
  fs.chmodSync(work, 0o755); // the postgres user runs the cluster inside it
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  let databaseUrl: string | undefined;
  const loadAtStart = os.loadavg()[0]!;
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    if (mode === 'postgres') {
      const pgWork = path.join(work, 'pg');
      fs.mkdirSync(pgWork);
      databaseUrl = (await run('bash', [path.join(ROOT, 'bench/lib/pg.sh'), 'init', pgWork])).stdout.trim();
      cleanups.push(() => run('bash', [path.join(ROOT, 'bench/lib/pg.sh'), 'destroy', pgWork]));
      log(`${mode}: own cluster ${databaseUrl}`);
    }
    const env = { ...KEYS, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: dataDir, SEED_DEMO: 'false', PUBLIC_URL: 'http://127.0.0.1', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    log(`${mode}: seeding ${sizes.applications} applications`);
    const autosaveUsers = sizes.concurrency.reduce((a, b) => a + b, 0) + Math.max(...sizes.concurrency);
    const seedRun = await run('node', ['--import', 'tsx', path.join(ROOT, 'bench/seed/generate.ts')], {
      cwd: ROOT, maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ...env, BENCH_APPLICATIONS: String(sizes.applications), BENCH_RECOMMENDED: String(sizes.recommended), BENCH_SURGE_APPLICANTS: String(sizes.surgeApplicants), BENCH_AUTOSAVE_USERS: String(autosaveUsers) },
    });
    const seed = JSON.parse(seedRun.stdout) as Seed;
    log(`${mode}: seeded (${seed.timings.bulkRows} applications in ${(seed.timings.bulkMs / 1000).toFixed(1)} s)`);

    log(`${mode}: direct SQL baselines`);
    const direct = wants('autosave') || wants('list') ? await benchDirect({ mode, sizes, work, dataDir, databaseUrl, seed }, LIST_CONCURRENCY, { saves: wants('autosave'), list: wants('list') }) : null;

    const app = await startApp(env, path.join(work, 'app.log'));
    cleanups.unshift(() => app.stop());
    const bare = await startBare();
    cleanups.unshift(() => bare.stop());
    const authorities = { [LIST_USER]: await loginAuthority(app.url, LIST_USER), gd_gxt: await loginAuthority(app.url, 'gd_gxt') };
    const ctx: BenchContext = { mode, sizes, work, dataDir, databaseUrl, app, seed, authorities };

    const seedRow: Row = { benchmark: 'Seed (generator)', measure: `${seed.timings.bulkRows.toLocaleString('en')} applications`, value: `${(seed.timings.bulkMs / 1000).toFixed(1)} s`, baseline: '–', ratio: '–', target: '< 60 s', pass: seed.timings.bulkMs < 60_000 };
    const rows: Row[] = [seedRow];
    if (wants('autosave') && direct?.saves) {
      log(`${mode}: autosave`);
      rows.push(...(await benchAutosave(ctx, bare.url, direct.saves)));
    }
    if (wants('list') && direct?.list) {
      log(`${mode}: authority list`);
      rows.push(...(await benchList(ctx, direct.list)));
    }
    if (wants('pdf')) {
      log(`${mode}: PDF`);
      rows.push(...(await benchPdf(ctx, bare.url)));
    }
    if (wants('xlsx')) {
      log(`${mode}: summary XLSX`);
      rows.push(...(await benchXlsx(ctx)));
    }
    if (wants('uploads')) {
      log(`${mode}: uploads`);
      rows.push(...(await benchUploads(ctx)));
    }
    let surge: SurgeResult | null = null;
    if (wants('surge')) {
      log(`${mode}: deadline surge (${sizes.surgeApplicants} applicants)`);
      const done = await benchSurge(ctx);
      surge = done.result;
      const surgeAt = rows.findIndex((r) => r.benchmark.startsWith('3 '));
      rows.splice(surgeAt < 0 ? rows.length : surgeAt, 0, ...done.rows);
    }
    const peakRss = memoryOf(app.pid).peak;
    return { rows, surge, seed, peakRss, load: [loadAtStart, os.loadavg()[0]!] };
  } finally {
    for (const c of cleanups) await c().catch((err) => log(`cleanup: ${(err as Error).message}`));
    if (process.env.BENCH_KEEP === '1') log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

const results: Record<string, Awaited<ReturnType<typeof runMode>>> = {};
for (const mode of modes) results[mode] = await runMode(mode);

const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
const outDir = path.join(ROOT, 'bench/results');
// A smoke run or a selection never replaces the full results (latest.md).
const prefix = `${quick ? 'quick-' : ''}${only.size ? 'only-' : ''}`;
fs.mkdirSync(outDir, { recursive: true });
const cpu = os.cpus();
const sections = [
  `# Benchmark results${quick ? ' (BENCH_QUICK smoke run: small sizes, not for comparison)' : ''}${only.size ? ` (only: ${[...only].join(', ')})` : ''}`,
  '',
  `${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model ?? 'CPU'} · ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM · Node ${process.version} · total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  'Load generators (autocannon, tus-js-client, fetch) run as separate processes on the same machine over loopback and compete with the server and the database for the same cores; every baseline ran in the same run on the same machine.',
  'The covering indexes of the authority list are in migration 0008; VACUUM ANALYZE runs after seeding.',
];
for (const [mode, r] of Object.entries(results)) {
  const chart = `surge-${mode}${prefix ? `-${prefix.slice(0, -1)}` : ''}.svg`;
  if (r.surge) fs.writeFileSync(path.join(outDir, chart), surgeChart(`Deadline surge on ${mode}: p99 latency per step (5 s windows) and journeys in flight`, r.surge));
  const chartLink = r.surge ? ` Surge chart: [${chart}](${chart})` : '';
  sections.push('', `## ${mode === 'postgres' ? 'PostgreSQL (production mode, own cluster, pool of 20)' : 'PGlite (embedded, one connection in the app process)'}`, '', markdownTable(r.rows), '', `Server peak RSS over the whole run (VmHWM): ${r.peakRss.toFixed(0)} MB. Machine load average (1 min) at the start / end of this mode: ${r.load.map((x) => x.toFixed(1)).join(' / ')} on ${cpu.length} cores (other processes included).${chartLink}`, ...(r.surge ? ['', `![surge on ${mode}](${chart})`] : []));
}
const md = sections.join('\n') + '\n';
const file = path.join(outDir, `${prefix}${stamp}.md`);
fs.writeFileSync(file, md);
fs.writeFileSync(path.join(outDir, `${prefix}latest.md`), md);
process.stdout.write(md);
log(`written ${path.relative(ROOT, file)}`);
