import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { AUDIT_GENESIS_HASH, chainHash, readChainRows } from '../services/auditChain.js';

/** Any fixed number: the advisory lock that lets one instance seal at a time. */
const SEAL_LOCK_KEY = 0x46570a01;

export interface SealOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Only rows at least this old are sealed (tests pass 0). */
  minAgeMs?: number;
  /** Kept by a long-running sealer between rounds, so that steady writing does not hold sealing back. */
  state?: SealState;
}

export interface SealState {
  /** The highest id seen while these transactions were writing; once they have all ended, every id up to it is settled. */
  watermark?: { maxId: string; vxids: string[] };
  /** Every id up to this one is committed or will never be. */
  settled?: string;
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
 *  - on PostgreSQL only ids known to be settled are sealed. Every insert holds a write lock on audit_events
 *    from before it draws its id until it commits, so when no other transaction holds one, every id up to
 *    the highest visible one is committed (or rolled back and never coming). While some do, the highest id
 *    and those transactions are remembered (state.watermark); once they have all ended, that id is settled.
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
    const [now] = rowsOf<{ maxId: string | null; vxids: string }>(
      await tx.execute(sql`
        select (select max(id)::text from audit_events) as "maxId",
               coalesce((select json_agg(distinct l.virtualtransaction)
                         from pg_locks l
                         where l.locktype = 'relation' and l.relation = 'audit_events'::regclass
                           and l.database = (select oid from pg_database where datname = current_database())
                           and l.mode = 'RowExclusiveLock' and l.pid is distinct from pg_backend_pid()), '[]')::text as vxids`),
    );
    if (!now?.maxId) return { sealed: 0, deferred: false };
    const vxids = JSON.parse(now.vxids) as string[];
    let bound: string | null = vxids.length === 0 ? now.maxId : null;
    if (opts.state) {
      const st = opts.state;
      const mark = st.watermark;
      if (mark && (vxids.length === 0 || !(await stillRunning(tx, mark.vxids)))) {
        st.settled = maxOf(st.settled, mark.maxId);
        st.watermark = undefined;
      }
      if (bound !== null) st.settled = maxOf(st.settled, bound);
      // Keep an older mark until it settles: replacing it on every round would never let it settle.
      else st.watermark ??= { maxId: now.maxId, vxids };
      bound = st.settled ?? null;
    }
    if (bound === null) return { sealed: 0, deferred: true };
    const [last] = rowsOf<{ id: string; hash: string }>(
      await tx.execute(sql`select a.id::text as id, a.hash from audit_events a where a.hash is not null order by a.id desc limit 1`),
    );
    const after = last?.id ?? '0';
    const rows = await readChainRows(
      tx,
      sql`a.hash is null and a.id > ${after}::bigint and a.id <= ${bound}::bigint
          and a.id < coalesce((select min(y.id) from audit_events y
                               where y.hash is null and y.id > ${after}::bigint
                                 and y.created_at > now() - make_interval(secs => ${minAgeMs / 1000})), ${bound}::bigint + 1)`,
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

/** Whether any of these transactions still holds a lock (each holds one on its own virtual id while it runs). */
async function stillRunning(tx: Tx, vxids: string[]): Promise<boolean> {
  const [r] = rowsOf<{ running: boolean }>(
    await tx.execute(sql`
      select exists(select 1 from pg_locks where virtualtransaction in (select jsonb_array_elements_text(${JSON.stringify(vxids)}::jsonb))) as running`),
  );
  return r?.running ?? true;
}

const maxOf = (a: string | undefined, b: string): string => (a !== undefined && BigInt(a) > BigInt(b) ? a : b);
