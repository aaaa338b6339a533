/**
 * Baseline (b) of the autosave row and the baseline of the authority list: SQL run directly on the
 * same database with the app's driver and pool size (node-postgres, 20 connections; or PGlite's one
 * connection), from `concurrency` async clients for `seconds`, no HTTP and no app code in the way.
 * Run in its own process. Prints { ops, opsPerSec, p50, p99, errors }.
 *   job.kind 'update':   the save's UPDATE of the application row (the same JSON), autocommit;
 *   job.kind 'saveTx':   the save's whole write: UPDATE + application_saves row + audit row in a transaction;
 *   job.kind 'list':     the authority list's statement, exactly as the app sends it (captured below).
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { summarize } from '../lib/stats.js';
import * as schema from '../../apps/server/src/db/schema/index.js';
import type { Db } from '../../apps/server/src/db/client.js';
import { listForAuthority, type AuthorityListFilters } from '../../apps/server/src/db/queries/authorityList.js';
import type { AuthorityActor } from '../../apps/server/src/db/queries/authorityScope.js';

interface Job {
  kind: 'update' | 'saveTx' | 'list';
  databaseUrl?: string;
  dataDir?: string;
  concurrency: number;
  seconds: number;
  applicationIds?: string[];
  data?: Record<string, unknown>;
  /** list: whose list, with which filters (the same as the app's request). */
  username?: string;
  filters?: AuthorityListFilters;
}

interface Raw {
  query(text: string, params?: unknown[]): Promise<unknown>;
  transaction<T>(fn: (q: (text: string, params?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** A Drizzle database over the same connection whose logger hands over every statement it sends. */
  orm(onQuery: (sql: string, params: unknown[]) => void): Promise<Db>;
}

export async function openRaw(databaseUrl: string | undefined, dataDir: string | undefined): Promise<Raw> {
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    return {
      query: (text, params) => pool.query(text, params as unknown[]),
      async transaction(fn) {
        const c = await pool.connect();
        try {
          await c.query('begin');
          const r = await fn((t, p) => c.query(t, p as unknown[]));
          await c.query('commit');
          return r;
        } catch (err) {
          await c.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          c.release();
        }
      },
      close: () => pool.end(),
      async orm(onQuery) {
        const { drizzle } = await import('drizzle-orm/node-postgres');
        return drizzle(pool, { schema, logger: { logQuery: onQuery } }) as unknown as Db;
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: path.join(dataDir!, 'pglite') });
  return {
    query: (text, params) => db.query(text, params as unknown[]),
    transaction: (fn) => db.transaction((tx) => fn((t, p) => tx.query(t, p as unknown[]))),
    close: () => db.close(),
    async orm(onQuery) {
      const { drizzle } = await import('drizzle-orm/pglite');
      return drizzle(db, { schema, logger: { logQuery: onQuery } }) as unknown as Db;
    },
  };
}

/**
 * The statements the app's query function sends for this actor and these filters, with their
 * parameters (the page and the tab counts, sent together: replayed together).
 */
async function captureList(db: Raw, job: Job): Promise<{ sql: string; params: unknown[] }[]> {
  const seen: { sql: string; params: unknown[] }[] = [];
  const orm = await db.orm((sql, params) => seen.push({ sql, params }));
  const [user] = await orm.select().from(schema.users).where(eq(schema.users.username, job.username!));
  const [round] = await orm.select().from(schema.rounds).where(eq(schema.rounds.code, 'N3'));
  const actor = { id: user!.id, role: 'authority', regionCode: user!.regionCode!, level: user!.level, ip: null } as AuthorityActor;
  seen.length = 0;
  const r = await listForAuthority(orm, actor, { id: round!.id, config: round!.config }, job.filters!, new Date());
  if (!seen.length || !r.rows.length) throw new Error(`expected statements with rows, got ${seen.length} statements, ${r.rows.length} rows`);
  return [...seen];
}

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Job;
  const db = await openRaw(job.databaseUrl, job.dataDir);
  const data = JSON.stringify(job.data ?? {});
  const list = job.kind === 'list' ? await captureList(db, job) : null;
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + job.seconds * 1000;
  const started = Date.now();
  const worker = async (w: number) => {
    const id = job.applicationIds?.[w % job.applicationIds.length];
    let seq = 0;
    while (Date.now() < until) {
      const t = performance.now();
      try {
        if (job.kind === 'update') {
          await db.query(`update applications set data = $1::jsonb, version = version + 1, status = 'draft', updated_at = now() where id = $2 returning version`, [data, id]);
        } else if (job.kind === 'saveTx') {
          await db.transaction(async (q) => {
            const r = (await q(`update applications set data = $1::jsonb, version = version + 1, status = 'draft', updated_at = now() where id = $2 returning version`, [data, id])) as { rows: { version: number }[] };
            const version = r.rows[0]!.version;
            await q(`insert into application_saves (application_id, save_id, version, changes, actor_id, created_at) values ($1, $2, $3, $4::jsonb, null, now())`, [id, `direct-${process.pid}-${w}-${++seq}`, version, data]);
            await q(`insert into audit_events (actor_id, action, subject_type, subject_id, region_code, detail, ip) values (null, 'application.save', 'application', $1, '440305', $2::jsonb, '127.0.0.1')`, [id, JSON.stringify({ fields: ['mainBusiness'], version })]);
          });
        } else {
          await Promise.all(list!.map((q) => db.query(q.sql, q.params)));
        }
        latencies.push(performance.now() - t);
      } catch (err) {
        errors++;
        if (errors < 3) console.error(err);
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, (_, w) => worker(w)));
  const seconds = (Date.now() - started) / 1000;
  await db.close();
  process.stdout.write(JSON.stringify({ sql: list?.map((q) => q.sql).join(';\n'), ops: latencies.length, opsPerSec: latencies.length / seconds, errors, ...summarize(latencies) }));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
