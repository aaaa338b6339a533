// A bounded stream of autosaves like the form's: each client saves its application one change after the
// other; a save that is not answered 2xx is retried with the same saveId (the server makes that
// idempotent) until it is. Every 2xx answer goes into the ledger — what the user was told is saved.
// Runs until <stopFile> exists (the harness creates it some time after its last fault) or <maxSeconds>.
// usage: node autosave-load.mjs <baseUrl> <clients.json> <ledger.json> <stopFile> <maxSeconds> <intervalMs>
import fs from 'node:fs';
import crypto from 'node:crypto';

const [baseUrl, clientsFile, ledgerFile, stopFile, maxSeconds = '120', intervalMs = '250'] = process.argv.slice(2);
const clients = JSON.parse(fs.readFileSync(clientsFile, 'utf8'));
const hardStop = Date.now() + Number(maxSeconds) * 1000;
const going = () => Date.now() < hardStop && !fs.existsSync(stopFile);
const ledger = [];
const attempts = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function run(client, n) {
  // Double-submit CSRF, as the web app does: the same random token in the fw_csrf cookie and the header.
  const csrf = crypto.randomBytes(32).toString('base64url');
  const cookie = `${client.cookie}; fw_csrf=${csrf}`;
  let version = 0;
  let seq = 0;
  while (going()) {
    seq++;
    const saveId = `fault-${n}-${seq}`;
    const value = `故障测试 客户端${n} 第${seq}次保存`;
    // Retry the same save until acknowledged or the time is up.
    while (going()) {
      const t = Date.now();
      let status = 0;
      let body = null;
      try {
        const res = await fetch(`${baseUrl}/api/applications/${client.applicationId}/fields`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
          body: JSON.stringify({ saveId, baseVersion: version, changes: { mainBusiness: value } }),
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        body = await res.json().catch(() => null);
      } catch (err) {
        status = 0; // no answer (connection error, timeout)
        body = { code: err?.cause?.code ?? err?.name ?? 'error' };
      }
      attempts.push({ at: t, ms: Date.now() - t, status, code: body?.code ?? null, message: status >= 500 ? body?.message ?? null : null });
      if (status >= 200 && status < 300) {
        version = body.version;
        ledger.push({ applicationId: client.applicationId, saveId, version, value, at: t });
        break;
      }
      await sleep(status === 429 ? 1000 : 300);
    }
    await sleep(Number(intervalMs));
  }
}

await Promise.all(clients.map((c, i) => run(c, i + 1)));
fs.writeFileSync(ledgerFile, JSON.stringify({ ledger, attempts }));
