import { loadEnv } from '../env.js';
import { createContext } from '../createContext.js';
import { AUDIT_MIN_RETENTION_DAYS, purgeAudit } from '../services/audit.js';

const USAGE = `usage: npm run audit:purge -w apps/server -- --older-than-days <days, at least ${AUDIT_MIN_RETENTION_DAYS}>`;

/** Deletes audit rows older than the given number of days (never fewer than 180, 网络安全法 Art. 21). */
async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--older-than-days');
  const value = at >= 0 ? args[at + 1] : undefined;
  if (!value || !/^\d+$/.test(value)) throw new Error(USAGE);
  const days = Number(value);
  if (days < AUDIT_MIN_RETENTION_DAYS) throw new Error(`refused: audit rows are kept at least ${AUDIT_MIN_RETENTION_DAYS} days (网络安全法 Art. 21)\n${USAGE}`);
  const { ctx, close } = await createContext(loadEnv());
  try {
    const r = await purgeAudit(ctx.db, { olderThanDays: days });
    console.log(`purged ${r.deleted} audit rows older than ${days} days; the chain now starts at row ${r.keptFromId ?? '-'}`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
