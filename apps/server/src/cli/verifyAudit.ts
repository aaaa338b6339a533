import { loadEnv } from '../env.js';
import { createContext } from '../createContext.js';
import { verifyAuditChain } from '../services/auditChain.js';

/** Recomputes the audit hash chain; exit code 1 when a row does not match. */
async function main() {
  const { ctx, close } = await createContext(loadEnv());
  try {
    const r = await verifyAuditChain(ctx.db);
    console.log(`audit chain: ${r.checked} sealed rows checked (${r.firstId ?? '-'} … ${r.lastId ?? '-'}), start: ${r.start}, unsealed: ${r.unsealed}`);
    for (const note of r.notes) console.log(`  note: ${note}`);
    if (r.headHash) console.log(`  head hash: ${r.headHash} (keep a copy elsewhere: removing the newest rows is only visible against it)`);
    if (r.finding) console.log(`FAILED at row ${r.finding.id}: ${r.finding.problem}`);
    else console.log('OK');
    process.exitCode = r.ok ? 0 : 1;
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
