// A bounded stream of autosaves like the form's: each client saves its application one change after the
// other; a save that is not answered 2xx is retried with the same saveId (the server makes that
// idempotent) until it is. Every 2xx answer goes into the ledger — what the user was told is saved.
// Optionally (crash-ledger.sh) every LOAD_UPLOAD_EVERY-th step also uploads a small file (tus, resumed
// after failures) and every LOAD_SUBMIT_EVERY-th step submits (retried with the same idempotency key);
// their acknowledgements go into the ledger too. Those need complete applications and LOAD_PDF
// (setup-clients.ts --complete --pdf).
// Runs until <stopFile> exists (the harness creates it some time after its last fault) or <maxSeconds>.
// usage: node autosave-load.mjs <baseUrl> <clients.json> <ledger.json> <stopFile> <maxSeconds> <intervalMs>
import fs from 'node:fs';
import crypto from 'node:crypto';
import { sha256, uploadBytes, uploadUntilStored } from './tus-upload.mjs';

const [baseUrl, clientsFile, ledgerFile, stopFile, maxSeconds = '120', intervalMs = '250'] = process.argv.slice(2);
const uploadEvery = Number(process.env.LOAD_UPLOAD_EVERY ?? 0);
const submitEvery = Number(process.env.LOAD_SUBMIT_EVERY ?? 0);
const pdf = process.env.LOAD_PDF ? fs.readFileSync(process.env.LOAD_PDF) : null;
const clients = JSON.parse(fs.readFileSync(clientsFile, 'utf8'));
const hardStop = Date.now() + Number(maxSeconds) * 1000;
const going = () => Date.now() < hardStop && !fs.existsSync(stopFile);
const ledger = [];
const attempts = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One JSON request, never throwing: status 0 when there was no answer (connection error, timeout). */
async function call(kind, url, init) {
  const t = Date.now();
  let status = 0;
  let body = null;
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    status = res.status;
    body = await res.json().catch(() => null);
  } catch (err) {
    body = { code: err?.cause?.code ?? err?.name ?? 'error' };
  }
  attempts.push({ at: t, ms: Date.now() - t, status, kind, code: body?.code ?? null, message: status >= 500 ? body?.message ?? null : null });
  return { status, body, t, ok: status >= 200 && status < 300 };
}

async function run(client, n) {
  // Double-submit CSRF, as the web app does: the same random token in the fw_csrf cookie and the header.
  const csrf = crypto.randomBytes(32).toString('base64url');
  const cookie = `${client.cookie}; fw_csrf=${csrf}`;
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
  let version = 0;
  let seq = 0;
  while (going()) {
    seq++;
    const saveId = `fault-${n}-${seq}`;
    const value = `故障测试 客户端${n} 第${seq}次保存`;
    // Retry the same save until acknowledged or the time is up.
    while (going()) {
      const r = await call('save', `${baseUrl}/api/applications/${client.applicationId}/fields`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ saveId, baseVersion: version, changes: { mainBusiness: value } }),
      });
      if (r.ok) {
        version = r.body.version;
        ledger.push({ kind: 'save', applicationId: client.applicationId, saveId, version, value, at: r.t });
        break;
      }
      // An upload or a submit moved the version on: base the same save on it (a replay still wins).
      if (r.status === 409 && typeof r.body?.currentVersion === 'number') version = r.body.currentVersion;
      await sleep(r.status === 429 ? 1000 : 300);
    }
    if (pdf && uploadEvery && seq % uploadEvery === 0 && going()) {
      const bytes = uploadBytes(pdf, 20_000 + crypto.randomInt(200_000));
      const out = await uploadUntilStored({
        baseUrl, cookie: client.cookie, csrf, applicationId: client.applicationId, slot: 'supporting',
        filename: `随附材料${n}-${seq}.pdf`, bytes, going, record: (a) => attempts.push(a),
      });
      if (out?.file) ledger.push({ kind: 'file', applicationId: client.applicationId, fileId: out.file.id, sha256: sha256(bytes), ackSha256: out.file.sha256, size: bytes.length, at: Date.now() });
      else if (out?.refused) attempts.push({ at: Date.now(), ms: 0, status: out.refused, kind: 'upload refused', code: 'REFUSED' });
    }
    if (submitEvery && seq % submitEvery === 0) {
      const idempotencyKey = `fault-submit-${n}-${seq}`;
      while (going()) {
        const r = await call('submit', `${baseUrl}/api/applications/${client.applicationId}/submit`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey }) });
        if (r.ok) {
          ledger.push({ kind: 'submit', applicationId: client.applicationId, idempotencyKey, number: r.body.number, at: r.t });
          break;
        }
        // Refused for good (incomplete, not allowed): counted as an error answer, the load goes on.
        if (r.status >= 400 && r.status < 500 && r.status !== 429 && r.status !== 409) break;
        await sleep(r.status === 429 ? 1000 : 300);
      }
    }
    await sleep(Number(intervalMs));
  }
}

await Promise.all(clients.map((c, i) => run(c, i + 1)));
fs.writeFileSync(ledgerFile, JSON.stringify({ ledger, attempts }));
