import path from 'node:path';
import { loadEnv } from '../env.js';
import { objectStoreOf } from '../services/files/createFileStore.js';
import { createBackup } from '../services/backup/createBackup.js';

/**
 * npm run backup [-- --out <folder or file.tar.gz>] : one archive of the database, the stored files and a
 * manifest. With PGlite (no DATABASE_URL) stop the server first; with PostgreSQL it may keep running.
 * With FILE_STORE=s3 the files are read from the bucket.
 */
async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  // npm runs workspace scripts in the workspace folder; relative paths mean the caller's folder.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const out = i >= 0 && args[i + 1] ? path.resolve(cwd, args[i + 1]!) : undefined;
  const env = loadEnv();
  const { archive, manifest } = await createBackup({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, out, files: objectStoreOf(env) ?? undefined });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`backup written: ${archive}`);
  console.log(`  database: ${manifest.mode}, ${Object.keys(manifest.tables).length} tables, ${rows} rows`);
  console.log(`  files: ${Object.keys(manifest.files).length - 1} stored files, all hashed (SHA-256) in manifest.json`);
  if (manifest.missingStoredFiles.length) {
    console.error(`WARNING: ${manifest.missingStoredFiles.length} file rows point to missing or changed bytes: ${manifest.missingStoredFiles.join(', ')}`);
    process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
