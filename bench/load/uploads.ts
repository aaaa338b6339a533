/**
 * tus uploads of one payload, `parallel` at a time (each by its own applicant into its application's
 * brochure slot), in 5 MB chunks as the web app sends them. In its own process; prints MB/s over the
 * wall time from the first request to the last file stored.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import { Upload } from 'tus-js-client';

interface Job { url: string; clients: { applicationId: string; cookie: string }[]; payload: string; parallel: number }
const job = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Job;
const bytes = fs.readFileSync(job.payload);
const csrf = crypto.randomBytes(32).toString('base64url');

const one = (c: { applicationId: string; cookie: string }) =>
  new Promise<{ ok: boolean; status: number; ms: number }>((resolve) => {
    const start = performance.now();
    const upload = new Upload(bytes, {
      endpoint: `${job.url}/api/uploads`,
      chunkSize: 5 * 1024 * 1024,
      retryDelays: [],
      metadata: { applicationId: c.applicationId, slot: 'brochure', filename: '企业宣传册.jpg', filetype: 'image/jpeg' },
      headers: { cookie: `${c.cookie}; fw_csrf=${csrf}`, 'x-csrf-token': csrf },
      onSuccess: () => resolve({ ok: true, status: 200, ms: performance.now() - start }),
      onError: (err) => resolve({ ok: false, status: (err as { originalResponse?: { getStatus(): number } }).originalResponse?.getStatus() ?? 0, ms: performance.now() - start }),
    });
    upload.start();
  });

const start = performance.now();
const results = await Promise.all(job.clients.slice(0, job.parallel).map(one));
const seconds = (performance.now() - start) / 1000;
const mb = (bytes.length * results.filter((r) => r.ok).length) / 1024 / 1024;
process.stdout.write(JSON.stringify({ parallel: job.parallel, ok: results.filter((r) => r.ok).length, errors: results.filter((r) => !r.ok).map((r) => r.status), seconds, mbPerSec: mb / seconds }));
