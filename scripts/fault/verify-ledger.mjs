// Checks a ledger of acknowledged saves against the database and prints the closing table.
// usage: node verify-ledger.mjs <ledger.json> <databaseUrl> [crashAtMs]
// Exit 1 when an acknowledged save is missing, the app never recovered, or an outage answer was not 503.
import fs from 'node:fs';
import pg from 'pg';

const [ledgerFile, databaseUrl] = process.argv.slice(2);
const { ledger, attempts } = JSON.parse(fs.readFileSync(ledgerFile, 'utf8'));
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const { rows } = await client.query(
  `select application_id, save_id, version, changes->>'mainBusiness' as value from application_saves where save_id like 'fault-%'`,
);
await client.end();
const saved = new Map(rows.map((r) => [`${r.application_id}/${r.save_id}`, r]));
const lost = ledger.filter((e) => {
  const r = saved.get(`${e.applicationId}/${e.saveId}`);
  return !r || r.version !== e.version || r.value !== e.value;
});

const ok = attempts.filter((a) => a.status >= 200 && a.status < 300).length;
const s503 = attempts.filter((a) => a.status === 503);
const other = attempts.filter((a) => !(a.status >= 200 && a.status < 300) && a.status !== 503);
const byStatus = {};
for (const a of other) byStatus[a.status || 'no answer'] = (byStatus[a.status || 'no answer'] ?? 0) + 1;
// Outage windows as the clients saw them: from a failed answer to the next acknowledged save.
const windows = [];
let open = null;
for (const a of attempts.slice().sort((x, y) => x.at - y.at)) {
  const good = a.status >= 200 && a.status < 300;
  if (!good && open === null) open = a.at;
  if (good && open !== null) { windows.push((a.at - open) / 1000); open = null; }
}
const recovered = open === null;
const messages = [...new Set(s503.map((a) => a.message))];

const pad = (s, n) => String(s).padEnd(n);
console.log('');
console.log('| requests | 2xx | 503 | other | lost |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
console.log(`| ${attempts.length} | ${ok} | ${s503.length} | ${other.length}${other.length ? ` (${Object.entries(byStatus).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''} | ${lost.length} |`);
console.log('');
console.log(`${pad('acknowledged saves (ledger)', 34)}${ledger.length}, found in the database: ${ledger.length - lost.length}`);
if (windows.length || !recovered) console.log(`${pad('outages seen by clients', 34)}${windows.map((w) => `${w.toFixed(1)} s`).join(', ') || '-'}${recovered ? '; saves acknowledged again after each' : '; NOT recovered at the end'}`);
if (messages.length) console.log(`${pad('503 message', 34)}${messages.join(' | ')}`);
for (const e of lost.slice(0, 10)) console.log(`LOST: ${e.applicationId} ${e.saveId} v${e.version}`);

let failed = false;
if (lost.length) { console.log('FAIL: acknowledged saves are missing'); failed = true; }
if (ledger.length === 0) { console.log('FAIL: nothing was acknowledged'); failed = true; }
if (windows.length === 0 && recovered) console.log('NOTE: no request failed: the restart fell between requests');
else if (!recovered) { console.log('FAIL: the app did not acknowledge saves after the restart'); failed = true; }
const s500 = other.filter((a) => a.status >= 500).length;
if (s500) { console.log(`FAIL: ${s500} answers were 5xx other than 503 (does app.ts map isDatabaseUnavailable to 503?)`); failed = true; }
process.exit(failed ? 1 : 0);
