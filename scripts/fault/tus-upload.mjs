// A resumable upload as the web app makes it (tus-js-client), for the fault scripts. Every HTTP answer is
// recorded as an attempt; PATCH bodies can be paced so that an upload is still streaming when a fault hits.
// Used as a module by autosave-load.mjs (small files) and as a command by multi-instance.sh (a big file):
//   node tus-upload.mjs <baseUrl> <clients.json> <clientIndex> <sizeMB> <paceMBps> <chunkMB> <pdf> <out.json> <urlFile>
// out.json is a ledger file ({ ledger, attempts, upload }) that verify-ledger.mjs reads like the autosaves'.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { Upload, DefaultHttpStack } from 'tus-js-client';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

/** A real PDF (from setup-clients --pdf) padded with random bytes: unique content, still sniffed as PDF. */
export function uploadBytes(pdf, size) {
  return Buffer.concat([pdf, crypto.randomBytes(Math.max(0, size - pdf.length))]);
}

async function* paced(bytes, bytesPerSecond) {
  const slice = 64 * 1024;
  for (let at = 0; at < bytes.length; at += slice) {
    yield bytes.subarray(at, at + slice);
    await sleep((slice / bytesPerSecond) * 1000);
  }
}

/** tus-js-client's Node HTTP stack, recording each request's answer and optionally pacing PATCH bodies. */
class RecordingStack {
  constructor({ record, bytesPerSecond }) {
    this.inner = new DefaultHttpStack();
    this.record = record;
    this.rate = bytesPerSecond;
  }
  getName() {
    return 'RecordingNodeHttpStack';
  }
  createRequest(method, url) {
    const req = this.inner.createRequest(method, url);
    const send = req.send.bind(req);
    req.send = async (body) => {
      let out = body;
      if (this.rate && body instanceof Uint8Array && body.length) {
        req.setHeader('Content-Length', String(body.length));
        out = Readable.from(paced(body, this.rate));
      }
      const t = Date.now();
      try {
        const res = await send(out);
        let code = null;
        try { code = JSON.parse(res.getBody()).code ?? null; } catch { /* tus answers without a body */ }
        this.record({ at: t, ms: Date.now() - t, status: res.getStatus(), kind: `upload ${method}`, code });
        return res;
      } catch (err) {
        this.record({ at: t, ms: Date.now() - t, status: 0, kind: `upload ${method}`, code: err?.code ?? 'error' });
        throw err;
      }
    };
    return req;
  }
}

/**
 * Uploads `bytes` into a slot until the server acknowledges the stored file (Upload-Result), resuming
 * after any failure (HEAD gives the offset, PATCH goes on) and starting afresh only when the server no
 * longer has the upload. Returns null when `going()` turns false first.
 */
export async function uploadUntilStored({ baseUrl, cookie, csrf, applicationId, slot, filename, bytes, going, record, bytesPerSecond, chunkSize, onUrl }) {
  const headers = { cookie: `${cookie}; fw_csrf=${csrf}`, 'x-csrf-token': csrf };
  const stats = { resumes: 0, creations: 0, finishedByEmptyPatch: 0 };
  const stack = new RecordingStack({ bytesPerSecond, record: (a) => { if (a.kind === 'upload HEAD') stats.resumes++; if (a.kind === 'upload POST') stats.creations++; record(a); } });
  let previousUrl = null;
  while (going()) {
    const outcome = await new Promise((resolve) => {
      const upload = new Upload(bytes, {
        endpoint: `${baseUrl}/api/uploads`,
        uploadUrl: previousUrl,
        metadata: { applicationId, slot, filename, filetype: 'application/pdf' },
        headers,
        httpStack: stack,
        chunkSize: chunkSize ?? Infinity,
        retryDelays: [0, 300, 1000, 2000, 3000, 3000, 5000, 5000, 5000, 5000],
        onUploadUrlAvailable: () => {
          previousUrl = upload.url;
          onUrl?.(upload.url);
        },
        onSuccess: ({ lastResponse }) => resolve({ ok: true, url: upload.url, header: lastResponse.getHeader('Upload-Result') }),
        onError: (error) => resolve({ ok: false, url: upload.url, error }),
      });
      upload.start();
    });
    if (!outcome.ok) {
      const status = outcome.error?.originalResponse?.getStatus?.() ?? 0;
      // Refused for good (wrong type, too large, not allowed): a bug in the test or the app, not an outage.
      if (status >= 400 && status < 500 && ![404, 409, 410, 423, 429].includes(status)) return { refused: status, ...stats };
      if (status === 404 || status === 410) previousUrl = null;
      // The retries ran out (a long outage): go on from where the server is, or afresh if it lost the upload.
      await sleep(1000);
      continue;
    }
    let header = outcome.header;
    if (!header) {
      // The bytes were all there when tus-js-client resumed, so it sent no PATCH and got no stored file:
      // the instance died while finishing. An empty PATCH at the end offset finishes the upload again.
      header = await finishWithEmptyPatch(outcome.url, bytes.length, headers, record);
      if (header) stats.finishedByEmptyPatch++;
    }
    if (header) return { file: JSON.parse(decodeURIComponent(header)), url: outcome.url, ...stats };
    previousUrl = null; // the server no longer has it and did not store it: start afresh
  }
  return null;
}

async function finishWithEmptyPatch(url, size, headers, record) {
  for (let i = 0; i < 10; i++) {
    const t = Date.now();
    try {
      const res = await fetch(url, {
        method: 'PATCH',
        headers: { ...headers, 'tus-resumable': '1.0.0', 'upload-offset': String(size), 'content-type': 'application/offset+octet-stream' },
        body: new Uint8Array(0),
        signal: AbortSignal.timeout(30_000),
      });
      record({ at: t, ms: Date.now() - t, status: res.status, kind: 'upload PATCH (finish)', code: null });
      if (res.ok) return res.headers.get('upload-result');
      if (res.status === 404 || res.status === 410) return null;
    } catch (err) {
      record({ at: t, ms: Date.now() - t, status: 0, kind: 'upload PATCH (finish)', code: err?.cause?.code ?? 'error' });
    }
    await sleep(1000);
  }
  return null;
}

// Command mode: one big upload (multi-instance.sh).
if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseUrl, clientsFile, index, sizeMB, paceMBps, chunkMB, pdfFile, outFile, urlFile] = process.argv.slice(2);
  const client = JSON.parse(fs.readFileSync(clientsFile, 'utf8'))[Number(index)];
  const bytes = uploadBytes(fs.readFileSync(pdfFile), Math.round(Number(sizeMB) * 1024 * 1024));
  const attempts = [];
  const hardStop = Date.now() + 600_000;
  const result = await uploadUntilStored({
    baseUrl,
    cookie: client.cookie,
    csrf: crypto.randomBytes(32).toString('base64url'),
    applicationId: client.applicationId,
    slot: 'supporting',
    filename: `大文件${Date.now()}.pdf`,
    bytes,
    going: () => Date.now() < hardStop,
    record: (a) => attempts.push(a),
    bytesPerSecond: Number(paceMBps) * 1024 * 1024,
    chunkSize: Number(chunkMB) * 1024 * 1024,
    onUrl: (url) => fs.writeFileSync(urlFile, url),
  });
  const stored = result?.file ? result : null;
  if (result?.refused) console.error(`upload refused: ${result.refused}`);
  const ledger = stored ? [{ kind: 'file', applicationId: client.applicationId, fileId: result.file.id, sha256: sha256(bytes), ackSha256: result.file.sha256, size: bytes.length, at: Date.now() }] : [];
  fs.writeFileSync(outFile, JSON.stringify({ ledger, attempts, upload: { size: bytes.length, sha256: sha256(bytes), stored: stored?.file ?? null, resumes: result?.resumes ?? 0, creations: result?.creations ?? 0, finishedByEmptyPatch: result?.finishedByEmptyPatch ?? 0 } }));
  process.exit(stored ? 0 : 1);
}
