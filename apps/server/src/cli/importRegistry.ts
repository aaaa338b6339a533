import fs from 'node:fs';
import { loadEnv } from '../env.js';
import { openDatabase } from '../db/client.js';
import { importRegistryCsv } from '../commands/registry/importRegistryCsv.js';

/** npm run registry:import -w apps/server -- file.csv : fills the local business registry. */
async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run registry:import -w apps/server -- registry.csv');
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const report = await importRegistryCsv(database.db, fs.readFileSync(file));
    console.log(`imported ${report.imported} rows, rejected ${report.rejected.length}`);
    for (const r of report.rejected) console.log(`  line ${r.line}: ${r.message}`);
    process.exitCode = report.rejected.length ? 2 : 0;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
