import path from 'node:path';
import { loadEnv } from '../env.js';
import { objectStoreOf } from '../services/files/createFileStore.js';
import { restoreBackup } from '../services/backup/restoreBackup.js';

/**
 * npm run restore -- <archive> : fills an EMPTY DATA_DIR (and, for a PostgreSQL backup, the empty database
 * named by DATABASE_URL, and with FILE_STORE=s3 the empty bucket), checking every file hash and every table's row count against the manifest.
 */
async function main() {
  const arg = process.argv[2];
  if (!arg) throw new Error('usage: npm run restore -- <backup.tar.gz>   (DATA_DIR must be empty)');
  const archive = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  const env = loadEnv();
  const result = await restoreBackup({ archive, dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, files: objectStoreOf(env) ?? undefined });
  const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
  console.log(`restored ${archive} (${result.manifest.createdAt}) into ${env.DATA_DIR}${env.DATABASE_URL ? ' and DATABASE_URL' : ''}`);
  console.log(`  verified: ${result.filesVerified} archived files by SHA-256, ${Object.keys(result.tables).length} tables (${rows} rows) by count`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
