import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { loadEnv } from '../env.js';
import { createContext } from '../createContext.js';
import type { Actor } from '../context.js';
import { users } from '../db/schema/index.js';
import { importAccountsCsv } from '../commands/accounts/importAccountsCsv.js';

const USAGE = 'usage: npm run accounts:issue -w apps/server -- accounts.csv --issuer <username>';

/**
 * Bulk issuing of authority accounts from a CSV (username,display_name,region_code,contact_name),
 * on behalf of the issuing account. Prints each one-time password once; exit code 2 when rows were rejected.
 */
async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--issuer');
  const issuerName = at >= 0 ? args[at + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && i !== at + 1);
  if (!file || !issuerName) throw new Error(USAGE);
  const { ctx, close } = await createContext(loadEnv());
  try {
    const [issuer] = await ctx.db.select().from(users).where(eq(users.username, issuerName)).limit(1);
    if (!issuer || (issuer.role !== 'authority' && issuer.role !== 'admin')) throw new Error(`issuer not found or not an authority: ${issuerName}`);
    const actor: Actor = { id: issuer.id, role: issuer.role, regionCode: issuer.regionCode, level: issuer.level as Actor['level'], ip: 'cli' };
    const report = await importAccountsCsv(ctx, actor, fs.readFileSync(file));
    console.log(`issued ${report.issued.length} accounts, rejected ${report.rejected.length} rows (the passwords below are shown only this once)`);
    if (report.issued.length) {
      console.table(report.issued.map((r) => ({ line: r.line, username: r.username, region: r.regionCode, name: r.displayName, password: r.initialPassword })));
    }
    for (const r of report.rejected) console.log(`  rejected line ${r.line} (${r.username || '-'}): ${r.message}`);
    process.exitCode = report.rejected.length ? 2 : 0;
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
