import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';

/** What a backup archive holds; written as manifest.json at its root and checked on restore. */
export interface BackupManifest {
  format: 'fw-backup';
  version: 1;
  createdAt: string;
  /** Which database the dump comes from: a PGlite data directory tarball or a pg_dump custom-format file. */
  mode: 'pglite' | 'postgres';
  /** Archive path of the database dump. */
  databaseDump: string;
  /** Rows per table ("schema.table") as seen by the same snapshot the dump was taken from. */
  tables: Record<string, number>;
  /** Every archived file except the manifest itself: archive path → size and SHA-256. */
  files: Record<string, { size: number; sha256: string }>;
  /** Live file rows whose stored bytes were missing when the backup was taken (should be empty). */
  missingStoredFiles: string[];
}

export const MANIFEST_NAME = 'manifest.json';
export const FILES_DIR = 'files';
export const DATABASE_DIR = 'database';

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Runs one SQL text and returns its rows; node-postgres and PGlite clients both fit. */
export type RunSql = (text: string) => Promise<Array<Record<string, unknown>>>;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Exact row counts of every table of the application (public) and of the migration journal (drizzle). */
export async function countRows(run: RunSql): Promise<Record<string, number>> {
  const tables = await run(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const row of tables) {
    const s = String(row.s);
    const t = String(row.t);
    const [r] = await run(`select count(*)::int as n from ${quoteIdent(s)}.${quoteIdent(t)}`);
    counts[`${s}.${t}`] = Number(r?.n ?? 0);
  }
  return counts;
}

/** Storage keys and content hashes of the file rows that are not deleted, to cross-check the stored bytes. */
export async function liveFileRows(run: RunSql): Promise<Array<{ key: string; sha256: string }>> {
  const [exists] = await run(`select to_regclass('public.files') is not null as ok`);
  if (!exists?.ok) return [];
  const rows = await run(`select storage_key as key, sha256 from public.files where deleted_at is null`);
  return rows.map((r) => ({ key: String(r.key), sha256: String(r.sha256) }));
}

/** Differences between two sets of row counts, as readable lines (empty when equal). */
export function compareCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const [table, n] of Object.entries(expected)) {
    if (actual[table] !== n) problems.push(`${table}: expected ${n} rows, found ${actual[table] ?? 'no table'}`);
  }
  for (const table of Object.keys(actual)) {
    if (!(table in expected)) problems.push(`${table}: not in the backup`);
  }
  return problems;
}

/** Lists the regular files under `dir`, as paths relative to it with '/' separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile()) out.push(child);
    }
  };
  await walk('');
  return out.sort();
}
