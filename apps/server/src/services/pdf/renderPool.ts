import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { allFields } from '@fw/shared';
import type { ApplicationBookInput } from './applicationBook.js';

/** What crosses to a worker: the book's input with the `from` values resolved (functions cannot). */
export type WorkerInput = Omit<ApplicationBookInput, 'resolveFrom'> & { fromValues: Record<string, string> };
export interface WorkerJob { id: number; input: WorkerInput }
export type WorkerReply = { id: number; pdf?: Uint8Array; error?: string };

/**
 * Rendering a full application book takes ~70 ms of CPU (pdfkit's text layout and font subsetting), all
 * of it synchronous: on the request thread, a few PDFs at once held up every autosave behind them. They
 * render on worker threads instead, at most one book per worker at a time, the rest waiting in line, so
 * the server's own thread (and on 2 cores, one core) stays free for everything else.
 * Workers: PDF_WORKERS, else one fewer than the cores (at least 1, at most 4).
 */
const SIZE = Math.max(1, Number(process.env.PDF_WORKERS) || Math.min(4, os.availableParallelism() - 1));

interface Slot { worker: Worker; busy: { id: number; resolve: (b: Buffer) => void; reject: (e: Error) => void } | null }
const slots: Slot[] = [];
const waiting: { job: WorkerJob; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
let nextId = 1;

// The worker is TypeScript like the server. tsx's loader does not reach a worker's entry file by itself,
// so a small bootstrap registers it in the worker's thread first (compiled .js would start directly).
const self = fileURLToPath(import.meta.url);
const entry = path.join(path.dirname(self), `renderWorker${path.extname(self)}`);
const fromSource = path.extname(self) === '.ts';
const bootstrap = fromSource
  ? `import(${JSON.stringify(pathToFileURL(tsxEsmApi()).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`
  : '';
const newWorker = () => (fromSource ? new Worker(bootstrap, { eval: true, execArgv: [] }) : new Worker(entry));

/** The file of tsx's ESM API (tsx/esm/api's import condition), wherever tsx is installed. */
function tsxEsmApi(): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return path.join(path.dirname(pkg), exports['./esm/api']!.import.default);
}

function spawn(): Slot {
  const slot: Slot = { worker: newWorker(), busy: null };
  slot.worker.unref();
  slot.worker.on('message', (m: WorkerReply) => {
    if (!slot.busy || slot.busy.id !== m.id) return;
    const { resolve, reject } = slot.busy;
    slot.busy = null;
    slot.worker.unref();
    if (m.pdf) resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
    else reject(new Error(`PDF render failed: ${m.error}`));
    pump();
  });
  // A worker that dies takes its book with it; a new one takes its place.
  slot.worker.on('error', (err) => slot.busy?.reject(err));
  slot.worker.on('exit', (code) => {
    slot.busy?.reject(new Error(`PDF worker exited (${code})`));
    slots.splice(slots.indexOf(slot), 1);
    pump();
  });
  slots.push(slot);
  return slot;
}

function pump(): void {
  while (waiting.length) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < SIZE ? spawn() : null);
    if (!slot) return;
    const { job, resolve, reject } = waiting.shift()!;
    slot.busy = { id: job.id, resolve, reject };
    slot.worker.ref(); // a book in progress keeps the process alive
    slot.worker.postMessage(job);
  }
}

/** renderApplicationBook on a worker thread, queued behind the books already rendering. */
export async function renderApplicationBookOffThread(input: ApplicationBookInput): Promise<Buffer> {
  const { resolveFrom, ...rest } = input;
  const fromValues: Record<string, string> = {};
  for (const f of allFields(input.spec)) if (f.from) fromValues[f.from] = resolveFrom(f.from);
  return new Promise((resolve, reject) => {
    waiting.push({ job: { id: nextId++, input: { ...rest, fromValues } }, resolve, reject });
    pump();
  });
}

/** Ends the workers (tests, shutdown); the next render starts new ones. */
export async function stopRenderPool(): Promise<void> {
  await Promise.all(slots.map((s) => s.worker.terminate()));
}
