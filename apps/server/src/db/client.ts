import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema/index.js';
import { rowsOf } from './rows.js';

export type Schema = typeof schema;
/** The same Drizzle API over PGlite (embedded) and node-postgres (production). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed number (the audit sealer uses 0x46570a01): the advisory lock held while migrating. */
const MIGRATION_LOCK = 0x46570a02;

export interface Database {
  db: Db;
  mode: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Opens the database and runs the migrations. `dataDir` null keeps PGlite in memory (tests). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string | null; onIdleError?: (err: Error) => void }): Promise<Database> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // A database that does not answer at all must end in a 503, not a hanging request.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 20, connectionTimeoutMillis: 5000 });
    // An idle client that loses its server (restart, admin shutdown) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => opts.onIdleError?.(err));
    // A checked-out client has no pool listener; if the server dies mid-transaction its 'error' event
    // would crash the process. The failing statement reports the error to its request instead.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = drizzle(pool, { schema }) as unknown as Db;
    // Instances that start together (a deploy, a restart of all) must not run the same migration twice:
    // one migrates under a session lock, the others wait and then find nothing left to do.
    const migrator = await pool.connect();
    try {
      await migrator.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(drizzle(migrator, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await migrator.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      migrator.release();
    }
    return { db, mode: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir ? { dataDir: dir } : {});
  const pdb = drizzle(client, { schema });
  await migrate(pdb, { migrationsFolder: MIGRATIONS });
  return { db: pdb as unknown as Db, mode: 'pglite', close: () => client.close() };
}

export async function databaseVersion(db: Db): Promise<string> {
  const rows = rowsOf<{ v: string }>(await db.execute(sql`select current_setting('server_version') as v`));
  return rows[0]?.v ?? 'unknown';
}
