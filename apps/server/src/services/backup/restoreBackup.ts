import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { FILES_DIR, MANIFEST_NAME, compareCounts, listFiles, sha256File, type BackupManifest } from './manifest.js';
import type { FileStore } from '../files/FileStore.js';
import { restorePglite } from './pglite.js';
import { restorePostgres } from './postgres.js';

export interface RestoreOptions {
  archive: string;
  /** The DATA_DIR to fill: must not exist or be empty. */
  dataDir: string;
  /** Restore into this (empty) PostgreSQL database; required for a PostgreSQL backup, refused for a PGlite one. */
  databaseUrl?: string;
  /** Put the files into this store (a bucket, which must hold no files yet); default the folder DATA_DIR/files. */
  files?: FileStore;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Row counts read back from the restored database (equal to the manifest's). */
  tables: Record<string, number>;
  filesVerified: number;
}

const STAGING = '.restore-staging';

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await fs.promises.readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/** Checks the extracted archive against its manifest: every listed file present with its size and hash, nothing else. */
async function verifyExtracted(staging: string, manifest: BackupManifest): Promise<void> {
  const problems: string[] = [];
  for (const [rel, want] of Object.entries(manifest.files)) {
    const abs = path.join(staging, rel);
    if (!fs.existsSync(abs)) {
      problems.push(`${rel}: missing from the archive`);
      continue;
    }
    const size = (await fs.promises.stat(abs)).size;
    if (size !== want.size) problems.push(`${rel}: ${size} bytes, expected ${want.size}`);
    else if ((await sha256File(abs)) !== want.sha256) problems.push(`${rel}: SHA-256 differs`);
  }
  for (const rel of await listFiles(staging)) {
    if (rel !== MANIFEST_NAME && !(rel in manifest.files)) problems.push(`${rel}: not in the manifest`);
  }
  if (problems.length) throw new Error(`the archive does not match its manifest:\n  ${problems.join('\n  ')}`);
}

/**
 * Restores a backup into an empty data directory (and, for PostgreSQL, an empty database): checks every
 * file's hash before touching the database, then every table's row count after. On failure the data
 * directory is emptied again, so a second attempt starts clean.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const dataDir = path.resolve(opts.dataDir);
  if (!(await isEmptyDir(dataDir))) throw new Error(`${dataDir} is not empty: restore only into an empty data directory`);
  if (opts.files && (await opts.files.keys()).length) throw new Error('the file store already holds files: restore only into an empty bucket');
  fs.mkdirSync(dataDir, { recursive: true });
  const staging = path.join(dataDir, STAGING);
  fs.mkdirSync(staging);
  let ok = false;
  try {
    await tar.extract({
      file: opts.archive,
      cwd: staging,
      strict: true,
      // Only plain files and folders: an archive with links or devices is not one of ours.
      filter: (_p, entry) => !('type' in entry) || entry.type === 'File' || entry.type === 'Directory' || entry.type === 'OldFile',
    });
    const manifestPath = path.join(staging, MANIFEST_NAME);
    if (!fs.existsSync(manifestPath)) throw new Error('not a backup archive: no manifest.json');
    const manifest = JSON.parse(await fs.promises.readFile(manifestPath, 'utf8')) as BackupManifest;
    if (manifest.format !== 'fw-backup' || manifest.version !== 1) throw new Error('not a backup archive of this application (format/version)');
    await verifyExtracted(staging, manifest);

    const dump = path.join(staging, manifest.databaseDump);
    let tables: Record<string, number>;
    if (manifest.mode === 'postgres') {
      if (!opts.databaseUrl) throw new Error('this is a PostgreSQL backup: set DATABASE_URL to an empty database to restore into');
      tables = await restorePostgres(opts.databaseUrl, dump);
    } else {
      // Silently filling DATA_DIR/pglite while the server is configured for PostgreSQL would restore nothing useful.
      if (opts.databaseUrl) throw new Error('this is a backup of the embedded database (PGlite): unset DATABASE_URL to restore it');
      tables = await restorePglite(dataDir, dump);
    }
    const diff = compareCounts(manifest.tables, tables);
    if (diff.length) throw new Error(`restored row counts differ from the manifest:\n  ${diff.join('\n  ')}`);

    const stagedFiles = path.join(staging, FILES_DIR);
    if (opts.files) await importAll(opts.files, stagedFiles);
    else if (fs.existsSync(stagedFiles)) await fs.promises.rename(stagedFiles, path.join(dataDir, FILES_DIR));
    else fs.mkdirSync(path.join(dataDir, FILES_DIR));
    ok = true;
    return { manifest, tables, filesVerified: Object.keys(manifest.files).length };
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
    if (!ok) {
      for (const entry of await fs.promises.readdir(dataDir)) await fs.promises.rm(path.join(dataDir, entry), { recursive: true, force: true });
    }
  }
}

/** Puts every staged file into the store; on failure takes back what it put, so the bucket is empty again. */
async function importAll(store: FileStore, stagedFiles: string): Promise<void> {
  const keys = await listFiles(stagedFiles);
  const done: string[] = [];
  try {
    for (const key of keys) {
      await store.importFile(path.join(stagedFiles, key), key);
      done.push(key);
    }
  } catch (err) {
    for (const key of done) await store.remove(key).catch(() => undefined);
    throw err;
  }
}
