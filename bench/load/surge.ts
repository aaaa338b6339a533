/**
 * The deadline surge, in its own process: `applicants` journeys arriving over `seconds`, the last fifth
 * of the time bringing `spikeShare` of them (the rush before the deadline). Each journey, as one browser:
 * log in (password), save the form field by field (autosave, `thinkMs` apart), upload two files with tus
 * in 5 MB chunks as the web app does, submit, download the PDF. Every request's latency is recorded
 * with its step; the result has per-step percentiles, errors and a timeline for the chart.
 * Each applicant has its own address (X-Forwarded-For from loopback, as behind the nginx in front of
 * the app), so the per-address login limit sees 2,000 people, not one.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import { Upload } from 'tus-js-client';
import { summarize } from '../lib/stats.js';

interface Job {
  url: string;
  password: string;
  applicants: { mobile: string; applicationId: string }[];
  journeyFields: [string, unknown][];
  /** Pre-made upload payloads: docx (narrative) and pdf (supporting) per size. */
  files: { docx: string[]; pdf: string[] };
  seconds: number;
  spikeShare: number;
  thinkMs: number;
  /** Journeys in flight at most (the browser population is bounded). */
  maxInFlight: number;
  /** The whole run stops by then, whatever is in flight. */
  hardStopSeconds: number;
}

type Step = 'login' | 'save' | 'upload' | 'submit' | 'pdf';
interface Sample { at: number; step: Step; ms: number; ok: boolean }

const job = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Job;
const t0 = Date.now();
const hardStop = t0 + job.hardStopSeconds * 1000;
const samples: Sample[] = [];
const errors: Record<string, number> = {};
const files = { docx: job.files.docx.map((f) => fs.readFileSync(f)), pdf: job.files.pdf.map((f) => fs.readFileSync(f)) };
let completed = 0;
let inFlight = 0;
let peakInFlight = 0;
const inFlightTimeline: { at: number; n: number }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class StepFailed extends Error {}

async function timed<T>(step: Step, fn: () => Promise<{ ok: boolean; status: number; value?: T }>): Promise<T | undefined> {
  const start = performance.now();
  let r: { ok: boolean; status: number; value?: T };
  try {
    r = await fn();
  } catch (err) {
    r = { ok: false, status: 0 };
    errors[`${step} ${(err as Error).message.slice(0, 60)}`] = (errors[`${step} ${(err as Error).message.slice(0, 60)}`] ?? 0) + 1;
    samples.push({ at: Date.now() - t0, step, ms: performance.now() - start, ok: false });
    throw new StepFailed(step);
  }
  samples.push({ at: Date.now() - t0, step, ms: performance.now() - start, ok: r.ok });
  if (!r.ok) {
    errors[`${step} ${r.status}`] = (errors[`${step} ${r.status}`] ?? 0) + 1;
    throw new StepFailed(step);
  }
  return r.value;
}

async function journey(n: number) {
  const me = job.applicants[n]!;
  const csrf = crypto.randomBytes(32).toString('base64url');
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n & 255) + 1}`;
  const base = { 'x-csrf-token': csrf, 'x-forwarded-for': ip };
  let cookie = `fw_csrf=${csrf}`;
  const json = (method: string, path: string, body: unknown) =>
    fetch(`${job.url}${path}`, { method, headers: { ...base, cookie, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });

  await timed('login', async () => {
    const res = await json('POST', '/api/auth/login', { login: me.mobile, password: job.password });
    const sid = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('fw_sid='));
    await res.arrayBuffer();
    if (sid) cookie = `${sid}; fw_csrf=${csrf}`;
    return { ok: res.ok && !!sid, status: res.status };
  });
  let version = 0;
  for (const [i, [key, value]] of job.journeyFields.entries()) {
    await sleep(job.thinkMs * (0.5 + Math.random()));
    version = (await timed('save', async () => {
      const res = await json('PATCH', `/api/applications/${me.applicationId}/fields`, { saveId: `surge-${n}-${i}`, baseVersion: version, changes: { [key]: value } });
      const body = (await res.json()) as { version?: number };
      return { ok: res.ok, status: res.status, value: body.version };
    }))!;
  }
  const pick = <T>(xs: T[]) => xs[n % xs.length]!;
  for (const [slot, bytes, name, type] of [
    ['narrative', pick(files.docx), '服务型制造示范企业说明材料.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['supporting', pick(files.pdf), '审计报告.pdf', 'application/pdf'],
  ] as const) {
    await timed('upload', () => new Promise((resolve) => {
      const upload = new Upload(bytes, {
        endpoint: `${job.url}/api/uploads`,
        chunkSize: 5 * 1024 * 1024,
        retryDelays: [],
        metadata: { applicationId: me.applicationId, slot, filename: name, filetype: type },
        headers: { ...base, cookie },
        onSuccess: () => resolve({ ok: true, status: 200 }),
        onError: (err) => resolve({ ok: false, status: (err as { originalResponse?: { getStatus(): number } }).originalResponse?.getStatus() ?? 0 }),
      });
      upload.start();
    }));
  }
  await timed('submit', async () => {
    const res = await json('POST', `/api/applications/${me.applicationId}/submit`, { idempotencyKey: `surge-submit-${n}` });
    await res.arrayBuffer();
    return { ok: res.ok, status: res.status };
  });
  await timed('pdf', async () => {
    const res = await fetch(`${job.url}/api/applications/${me.applicationId}/pdf`, { headers: { ...base, cookie }, signal: AbortSignal.timeout(60_000) });
    const body = Buffer.from(await res.arrayBuffer());
    return { ok: res.ok && body.subarray(0, 5).toString() === '%PDF-', status: res.status };
  });
  completed++;
}

/** Arrival times: the first four fifths at one rate, the last fifth brings spikeShare of everyone. */
function arrivals(count: number, seconds: number, spikeShare: number): number[] {
  const spike = Math.round(count * spikeShare);
  const calm = count - spike;
  const calmEnd = seconds * 0.8 * 1000;
  return [
    ...Array.from({ length: calm }, (_, i) => (i / Math.max(1, calm)) * calmEnd),
    ...Array.from({ length: spike }, (_, i) => calmEnd + (i / Math.max(1, spike)) * (seconds * 1000 - calmEnd)),
  ];
}

const schedule = arrivals(job.applicants.length, job.seconds, job.spikeShare);
const running: Promise<void>[] = [];
let started = 0;
let waitedForSlot = 0;
const sampler = setInterval(() => inFlightTimeline.push({ at: Date.now() - t0, n: inFlight }), 1000);
for (const [n, at] of schedule.entries()) {
  const wait = t0 + at - Date.now();
  if (wait > 0) await sleep(wait);
  while (inFlight >= job.maxInFlight && Date.now() < hardStop) {
    waitedForSlot++;
    await sleep(50);
  }
  if (Date.now() >= hardStop) break;
  inFlight++;
  started++;
  peakInFlight = Math.max(peakInFlight, inFlight);
  running.push(journey(n).catch((err) => {
    if (!(err instanceof StepFailed)) errors[`journey ${(err as Error).message.slice(0, 60)}`] = (errors[`journey ${(err as Error).message.slice(0, 60)}`] ?? 0) + 1;
  }).finally(() => { inFlight--; }));
}
await Promise.race([Promise.all(running), sleep(Math.max(0, hardStop - Date.now()))]);
clearInterval(sampler);

const steps: Step[] = ['login', 'save', 'upload', 'submit', 'pdf'];
const per = Object.fromEntries(steps.map((s) => [s, { ...summarize(samples.filter((x) => x.step === s && x.ok).map((x) => x.ms)), failed: samples.filter((x) => x.step === s && !x.ok).length }]));
// Exit only once the JSON is out: a completed surge prints ~1 MB, more than a pipe takes at once.
const report = JSON.stringify({
  applicants: job.applicants.length,
  started,
  completed,
  unfinished: started - completed - Object.values(errors).reduce((a, b) => a + b, 0),
  errors,
  errorCount: Object.values(errors).reduce((a, b) => a + b, 0),
  seconds: (Date.now() - t0) / 1000,
  peakInFlight,
  waitedForSlot,
  steps: per,
  // For the chart: every sample as [at ms, step index, latency ms].
  timeline: samples.map((s) => [s.at, steps.indexOf(s.step), Math.round(s.ms)]),
  inFlight: inFlightTimeline,
});
process.stdout.write(report, () => process.exit(0));
