import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { AUDIT_GENESIS_HASH, chainHash, readChainRows } from '../services/auditChain.js';

/** Any fixed number: the advisory lock that lets one instance seal at a time. */
const SEAL_LOCK_KEY = 0x46570a01;

export interface SealOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Only rows at least this old are sealed (tests pass 0). */
  minAgeMs?: number;
}

export interface SealResult {
  sealed: number;
  /** Nothing sealed this round because another sealer, or an unfinished audit insert, was in the way. */
  deferred: boolean;
}

/**
 * Seals the oldest unsealed audit rows in id order: prevHash = the last sealed row's hash (genesis for the
 * first), hash = SM3(prevHash || content). Rows are inserted unsealed so that saves never wait on each other.
 *
 * A sequence hands out ids before commit, so a lower id can become visible after a higher one. Sealing the
 * higher one first would leave the lower one out of order for ever. Two guards:
 *  - only rows older than minAgeMs (5 s) are sealed, and sealing stops at the first younger row, so a
 *    transaction that commits within seconds of writing its row is never overtaken;
 *  - on PostgreSQL the round is skipped while any other transaction holds a write lock on audit_events:
 *    every insert holds it from before it draws its id until it commits, so when none is held, every id up
 *    to the highest visible one is committed (or rolled back and never coming).
 * PGlite has a single connection, so there is no unfinished insert while this runs.
 */
export async function sealAuditBatch(db: Db, opts: SealOptions = {}): Promise<SealResult> {
  const batchSize = opts.batchSize ?? 500;
  const minAgeMs = opts.minAgeMs ?? 5000;
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}::bigint) as ok`));
    if (!lock?.ok) return { sealed: 0, deferred: true };
    // One statement: its snapshot is taken before pg_locks is read, so an insert not visible to max(id)
    // either committed before the read below (and is visible to the next statement) or still holds its lock.
    const [state] = rowsOf<{ maxId: string | null; busy: boolean }>(
      await tx.execute(sql`
        select (select max(id)::text from audit_events) as "maxId",
               exists(select 1 from pg_locks l
                      where l.locktype = 'relation' and l.relation = 'audit_events'::regclass
                        and l.database = (select oid from pg_database where datname = current_database())
                        and l.mode = 'RowExclusiveLock' and l.pid is distinct from pg_backend_pid()) as busy`),
    );
    if (!state?.maxId) return { sealed: 0, deferred: false };
    if (state.busy) return { sealed: 0, deferred: true };
    const [last] = rowsOf<{ id: string; hash: string }>(
      await tx.execute(sql`select id::text as id, hash from audit_events where hash is not null order by id desc limit 1`),
    );
    const after = last?.id ?? '0';
    const rows = await readChainRows(
      tx,
      sql`a.hash is null and a.id > ${after}::bigint and a.id <= ${state.maxId}::bigint
          and a.id < coalesce((select min(y.id) from audit_events y
                               where y.hash is null and y.id > ${after}::bigint
                                 and y.created_at > now() - make_interval(secs => ${minAgeMs / 1000})), ${state.maxId}::bigint + 1)`,
      batchSize,
    );
    if (rows.length === 0) return { sealed: 0, deferred: false };
    let prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
    const seals = rows.map((row) => {
      const hash = chainHash(prevHash, row);
      const seal = { id: row.id, prev: prevHash, hash };
      prevHash = hash;
      return seal;
    });
    const updated = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update audit_events a set prev_hash = v.prev, hash = v.hash
        from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as v(id bigint, prev text, hash text)
        where a.id = v.id and a.hash is null
        returning a.id::text as id`),
    );
    if (updated.length !== seals.length) throw new Error(`audit sealing: ${updated.length} of ${seals.length} rows updated`);
    return { sealed: seals.length, deferred: false };
  });
}
