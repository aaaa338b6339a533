import { spawn } from 'node:child_process';
import { countRows, liveFileRows, type RunSql } from './manifest.js';
import type { DumpResult } from './pglite.js';

/** libpq environment for a connection URL, so no password shows in the process list. */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const u = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    PGHOST: u.hostname.replace(/^\[|\]$/g, '') || 'localhost',
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs a PostgreSQL client program found on PATH; rejects with its error output. */
export function runTool(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error(`${cmd} not found on PATH: install the PostgreSQL client (postgresql-client)`) : err),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`))));
  });
}

/**
 * pg_dump in custom format from an exported snapshot, while the same read-only transaction counts the
 * rows: the counts in the manifest describe exactly the dumped data, even with the server running.
 */
export async function dumpPostgres(databaseUrl: string, outFile: string): Promise<DumpResult> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const run: RunSql = async (text) => (await client.query<Record<string, unknown>>(text)).rows;
    const tables = await countRows(run);
    const liveFiles = await liveFileRows(run);
    await runTool('pg_dump', ['--format=custom', `--snapshot=${rows[0]!.id}`, '--file', outFile], libpqEnv(databaseUrl));
    await client.query('commit');
    return { tables, liveFiles };
  } finally {
    await client.end();
  }
}

/** Restores a dump into an empty database (refuses one with tables) and returns its row counts. */
export async function restorePostgres(databaseUrl: string, dumpFile: string): Promise<Record<string, number>> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const run: RunSql = async (text) => (await client.query<Record<string, unknown>>(text)).rows;
    const existing = await countRows(run);
    if (Object.keys(existing).length > 0) {
      throw new Error(`the database ${libpqEnv(databaseUrl).PGDATABASE} is not empty (${Object.keys(existing).length} tables): restore into a new, empty database`);
    }
    const env = libpqEnv(databaseUrl);
    await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', env.PGDATABASE!, dumpFile], env);
    return await countRows(run);
  } finally {
    await client.end();
  }
}
