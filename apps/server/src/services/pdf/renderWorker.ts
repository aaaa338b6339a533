/**
 * A worker thread of the PDF render pool (renderPool.ts): renders application books off the server's
 * event loop. Each message is one book; the fonts are loaded once per worker (loadFonts caches them).
 */
import { parentPort } from 'node:worker_threads';
import { renderApplicationBook } from './applicationBook.js';
import { loadFonts } from './fonts.js';
import type { WorkerJob, WorkerReply } from './renderPool.js';

loadFonts();
parentPort!.on('message', async ({ id, input }: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const { fromValues, ...rest } = input;
    const pdf = await renderApplicationBook({ ...rest, resolveFrom: (from) => fromValues[from] ?? '' });
    reply = { id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort!.postMessage(reply, reply.pdf ? [reply.pdf.buffer as ArrayBuffer] : []);
});
