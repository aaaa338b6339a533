// Checks ledgers of acknowledged writes against the database (and the file store) and prints the closing table.
// usage: node verify-ledger.mjs <ledger.json>[,<ledger.json>…] <databaseUrl> [dataDir]
// Ledger entries: saves (field value and version), submits (number for the idempotency key), files (row with
// the source's size and SHA-256). With dataDir, EVERY live file row is also checked against the bytes in
// <dataDir>/files: present, same size, same SHA-256.
// Environment: FAULT_NAME, FAULTS_INJECTED (the table's first columns), FAULT_CHECKS_FAILED (failures the
// harness found itself, `;`-separated), FAULT_SUMMARY (a file to append this run's row to, as JSON, for all.sh).
// Exit 1 when an acknowledged write is missing, a file row is bad, the app never recovered, or an answer was a
// 5xx other than 503 (database down) and 502/504 (a proxy whose upstream died mid-request).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';

const [ledgerFiles, databaseUrl, dataDir] = process.argv.slice(2);
const ledger = [];
const attempts = [];
for (const f of ledgerFiles.split(',')) {
  const l = JSON.parse(fs.readFileSync(f, 'utf8'));
  ledger.push(...l.ledger);
  attempts.push(...l.attempts);
}
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const q = async (text) => (await client.query(text)).rows;
const saveRows = await q(`select application_id, save_id, version, changes->>'mainBusiness' as value from application_saves where save_id like 'fault-%'`);
const submitRows = await q(`select application_id, idempotency_key, number from submissions`);
const fileRows = await q(`select id, application_id, size, sha256, storage_key from files where deleted_at is null`);
await client.end();

const saved = new Map(saveRows.map((r) => [`${r.application_id}/${r.save_id}`, r]));
const submitted = new Map(submitRows.map((r) => [`${r.application_id}/${r.idempotency_key}`, r]));
const stored = new Map(fileRows.map((r) => [r.id, r]));
const isLost = {
  save: (e) => {
    const r = saved.get(`${e.applicationId}/${e.saveId}`);
    return !r || r.version !== e.version || r.value !== e.value;
  },
  submit: (e) => submitted.get(`${e.applicationId}/${e.idempotencyKey}`)?.number !== e.number,
  file: (e) => {
    const r = stored.get(e.fileId);
    return !r || Number(r.size) !== e.size || r.sha256 !== e.sha256 || (e.ackSha256 !== undefined && e.ackSha256 !== e.sha256);
  },
};
const kindOf = (e) => e.kind ?? 'save';
const lost = ledger.filter((e) => isLost[kindOf(e)](e));

// Every live file row against the bytes it points to.
const badFiles = [];
let orphans = 0;
if (dataDir) {
  const dir = path.join(dataDir, 'files');
  for (const r of fileRows) {
    const p = path.join(dir, r.storage_key);
    if (!fs.existsSync(p)) { badFiles.push(`${r.id}: bytes missing (${r.storage_key})`); continue; }
    const bytes = fs.readFileSync(p);
    if (bytes.length !== Number(r.size)) badFiles.push(`${r.id}: ${bytes.length} bytes stored, row says ${r.size}`);
    else if (crypto.createHash('sha256').update(bytes).digest('hex') !== r.sha256) badFiles.push(`${r.id}: SHA-256 of the stored bytes differs from the row`);
  }
  // Bytes no row points to (adopted, then the process died before the row committed): wasted space, not loss.
  const keys = new Set(fileRows.map((r) => r.storage_key));
  orphans = fs.readdirSync(dir).filter((k) => !keys.has(k)).length;
}

const good = (a) => a.status >= 200 && a.status < 300;
const ok = attempts.filter(good).length;
const s503 = attempts.filter((a) => a.status === 503);
const other = attempts.filter((a) => !good(a) && a.status !== 503);
const byStatus = {};
for (const a of other) byStatus[a.status || 'no answer'] = (byStatus[a.status || 'no answer'] ?? 0) + 1;
// Outage windows as the clients saw them: from a failed answer to the next acknowledged request.
const windows = [];
let open = null;
for (const a of attempts.slice().sort((x, y) => x.at - y.at)) {
  if (!good(a) && open === null) open = a.at;
  if (good(a) && open !== null) { windows.push((a.at - open) / 1000); open = null; }
}
const recovered = open === null;
const messages = [...new Set(s503.map((a) => a.message).filter(Boolean))];
const acked = {};
for (const e of ledger) acked[kindOf(e)] = (acked[kindOf(e)] ?? 0) + 1;

const failures = (process.env.FAULT_CHECKS_FAILED ?? '').split(';').filter(Boolean);
if (lost.length) failures.push('acknowledged writes are missing');
if (ledger.length === 0) failures.push('nothing was acknowledged');
if (!recovered) failures.push('the app did not acknowledge requests again after the last fault');
if (badFiles.length) failures.push(`${badFiles.length} file rows point to missing or different bytes`);
const s5xx = other.filter((a) => a.status >= 500 && a.status !== 502 && a.status !== 504).length;
if (s5xx) failures.push(`${s5xx} answers were 5xx other than 503 (does app.ts map isDatabaseUnavailable to 503?)`);

const row = {
  fault: process.env.FAULT_NAME ?? 'pg-restart',
  runs: 1,
  faults: Number(process.env.FAULTS_INJECTED ?? 0),
  requests: attempts.length,
  acknowledged: ledger.length,
  s503: s503.length,
  errors: other.length,
  lost: lost.length,
  passed: failures.length === 0,
};
const pad = (s, n) => String(s).padEnd(n);
console.log('');
console.log('| fault | runs | faults injected | requests | acknowledged | 503/errors | lost |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| ${row.fault} | 1 | ${row.faults} | ${row.requests} | ${row.acknowledged} | ${row.s503}/${row.errors} | ${row.lost} |`);
console.log('');
console.log(`${pad('answers', 34)}2xx ${ok}, 503 ${s503.length}, other ${other.length}${other.length ? ` (${Object.entries(byStatus).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`);
console.log(`${pad('acknowledged (ledger)', 34)}${Object.entries(acked).map(([k, v]) => `${k} ${v}`).join(', ')}; found in the database: ${ledger.length - lost.length}`);
if (dataDir) console.log(`${pad('file rows against stored bytes', 34)}${fileRows.length} checked, ${badFiles.length} bad; ${orphans} stored files without a row (orphans)`);
if (windows.length || !recovered) console.log(`${pad('outages seen by clients', 34)}${windows.length} (longest ${Math.max(0, ...windows).toFixed(1)} s)${recovered ? '; acknowledged again after each' : '; NOT recovered at the end'}`);
if (messages.length) console.log(`${pad('503 message', 34)}${messages.join(' | ')}`);
for (const e of lost.slice(0, 10)) console.log(`LOST: ${JSON.stringify(e)}`);
for (const b of badFiles.slice(0, 10)) console.log(`BAD FILE ROW: ${b}`);
if (windows.length === 0 && recovered) console.log('NOTE: no request failed: the faults fell between requests');
for (const f of failures) console.log(`FAIL: ${f}`);
if (process.env.FAULT_SUMMARY) fs.appendFileSync(process.env.FAULT_SUMMARY, JSON.stringify(row) + '\n');
process.exit(failures.length ? 1 : 0);
