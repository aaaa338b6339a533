import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { DATABASE_DIR, FILES_DIR, MANIFEST_NAME, listFiles, sha256File, type BackupManifest } from './manifest.js';
import type { FileStore } from '../files/FileStore.js';
import { LocalFileStore } from '../files/LocalFileStore.js';
import { dumpPglite } from './pglite.js';
import { dumpPostgres } from './postgres.js';

export interface BackupOptions {
  /** DATA_DIR: the embedded database (when no databaseUrl) and, with the local store, the stored files live here. */
  dataDir: string;
  /** Where the stored files are read from; default the folder DATA_DIR/files. */
  files?: FileStore;
  /** PostgreSQL to dump with pg_dump; absent means the embedded PGlite database under dataDir. */
  databaseUrl?: string;
  /** Archive path or a folder for it; default DATA_DIR/backups/. */
  out?: string;
  now?: Date;
}

export interface BackupResult {
  archive: string;
  manifest: BackupManifest;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Writes one archive: the database dump, every stored file and a manifest with row counts and SHA-256
 * hashes, whichever store holds the files (archived as files/<key> either way, so a backup restores into
 * either). Local files are staged by hard link next to the data (no copy of the bytes), the archive is written
 * under a temporary name and renamed, so a crash never leaves a half archive under the final name.
 */
export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const now = opts.now ?? new Date();
  const name = `fw-backup-${stamp(now)}.tar.gz`;
  const defaultDir = path.join(opts.dataDir, 'backups');
  const archive = opts.out
    ? opts.out.endsWith('.tar.gz') ? path.resolve(opts.out) : path.join(path.resolve(opts.out), name)
    : path.join(defaultDir, name);
  fs.mkdirSync(path.dirname(archive), { recursive: true });
  fs.mkdirSync(defaultDir, { recursive: true });
  const staging = await fs.promises.mkdtemp(path.join(defaultDir, '.staging-'));
  const partial = `${archive}.partial`;
  try {
    fs.mkdirSync(path.join(staging, DATABASE_DIR));
    const mode = opts.databaseUrl ? 'postgres' : 'pglite';
    const databaseDump = `${DATABASE_DIR}/${mode === 'postgres' ? 'postgres.dump' : 'pglite.tar'}`;
    // The database first: files written after its snapshot are extra, never missing.
    const dump = opts.databaseUrl
      ? await dumpPostgres(opts.databaseUrl, path.join(staging, databaseDump))
      : await dumpPglite(opts.dataDir, path.join(staging, databaseDump));

    const store = opts.files ?? new LocalFileStore(opts.dataDir);
    fs.mkdirSync(path.join(staging, FILES_DIR));
    for (const key of await store.keys()) {
      // false: removed since the listing, so not referenced by the snapshot's live rows.
      await store.exportFile(key, path.join(staging, FILES_DIR, key));
    }

    const files: BackupManifest['files'] = {};
    for (const rel of [databaseDump, ...(await listFiles(path.join(staging, FILES_DIR))).map((f) => `${FILES_DIR}/${f}`)]) {
      const abs = path.join(staging, rel);
      files[rel] = { size: (await fs.promises.stat(abs)).size, sha256: await sha256File(abs) };
    }
    const missingStoredFiles = dump.liveFiles
      .filter((f) => files[`${FILES_DIR}/${f.key}`]?.sha256 !== f.sha256)
      .map((f) => f.key);

    const manifest: BackupManifest = {
      format: 'fw-backup',
      version: 1,
      createdAt: now.toISOString(),
      mode,
      databaseDump,
      tables: dump.tables,
      files,
      missingStoredFiles,
    };
    await fs.promises.writeFile(path.join(staging, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [MANIFEST_NAME, DATABASE_DIR, FILES_DIR]);
    const fd = await fs.promises.open(partial, 'r');
    await fd.sync();
    await fd.close();
    await fs.promises.rename(partial, archive);
    return { archive, manifest };
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
    await fs.promises.rm(partial, { force: true });
  }
}
