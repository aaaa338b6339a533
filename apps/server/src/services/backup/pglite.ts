import fs from 'node:fs';
import path from 'node:path';
import { countRows, liveFileRows, type RunSql } from './manifest.js';

/** The PGlite data directory inside DATA_DIR (as db/client.ts opens it). */
export const pgliteDirOf = (dataDir: string) => path.join(dataDir, 'pglite');

export interface DumpResult {
  tables: Record<string, number>;
  liveFiles: Array<{ key: string; sha256: string }>;
}

/**
 * Dumps the embedded database as a tarball of its data directory. PGlite is single-process: the server
 * must be stopped, or two writers would corrupt the directory. Its lock file tells us it is not.
 */
export async function dumpPglite(dataDir: string, outFile: string): Promise<DumpResult> {
  const dir = pgliteDirOf(dataDir);
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`no embedded database in ${dir}`);
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
    throw new Error(
      `the embedded database in ${dir} is in use (postmaster.pid exists): stop the server first. ` +
        'If the server is already stopped it was not shut down cleanly: start it and stop it once (Ctrl+C), then back up.',
    );
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({ dataDir: dir });
  try {
    const run: RunSql = async (text) => (await client.query<Record<string, unknown>>(text)).rows;
    const tables = await countRows(run);
    const liveFiles = await liveFileRows(run);
    // Uncompressed: the archive around it is gzipped once.
    const tarball = await client.dumpDataDir('none');
    await fs.promises.writeFile(outFile, Buffer.from(await tarball.arrayBuffer()));
    return { tables, liveFiles };
  } finally {
    await client.close();
  }
}

/** Creates the embedded database of an empty DATA_DIR from a dump and returns its row counts. */
export async function restorePglite(dataDir: string, dumpFile: string): Promise<Record<string, number>> {
  const dir = pgliteDirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([await fs.promises.readFile(dumpFile)]) });
  try {
    return await countRows(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
  } finally {
    await client.close();
  }
}
