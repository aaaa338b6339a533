import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { auditEvents } from '../db/schema/index.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  regionCode?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Writes one audit row; call it inside the transaction of the state change it records. */
export async function recordAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: e.actorId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId ?? null,
    regionCode: e.regionCode ?? null,
    detail: e.detail ?? null,
    ip: e.ip ?? null,
  });
}

/** 网络安全法 Art. 21: network logs are kept at least six months; the database refuses younger deletions too. */
export const AUDIT_MIN_RETENTION_DAYS = 180;

export interface PurgeResult {
  deleted: number;
  /** The oldest remaining row, from which the chain is verified, trusting its prevHash. */
  keptFromId: string | null;
}

/**
 * Deletes audit rows older than `olderThanDays` (at least 180), always a prefix of the sealed chain: it stops
 * at the first row that is young or unsealed and keeps the newest sealed row, which the sealer continues
 * from. Writes an audit.purge row naming the oldest kept row and its prevHash, which verification checks.
 */
export async function purgeAudit(db: Db, opts: { olderThanDays: number }): Promise<PurgeResult> {
  const days = opts.olderThanDays;
  if (!Number.isInteger(days) || days < AUDIT_MIN_RETENTION_DAYS) {
    throw new Error(`audit rows are kept at least ${AUDIT_MIN_RETENTION_DAYS} days (网络安全法 Art. 21); refused: ${days}`);
  }
  return db.transaction(async (tx) => {
    // The trigger on audit_events lets deletions through only in a transaction that set this.
    await tx.execute(sql`select set_config('fw.audit_purge', 'on', true)`);
    const [bound] = rowsOf<{ k: string | null }>(
      await tx.execute(sql`
        select least(
          (select min(id) from audit_events where hash is null or created_at >= now() - make_interval(days => ${days})),
          (select max(id) from audit_events where hash is not null))::text as k`),
    );
    if (!bound?.k) return { deleted: 0, keptFromId: null };
    const [done] = rowsOf<{ n: number }>(
      await tx.execute(sql`with d as (delete from audit_events where id < ${bound.k}::bigint returning 1) select count(*)::int as n from d`),
    );
    const deleted = done?.n ?? 0;
    if (deleted === 0) return { deleted: 0, keptFromId: bound.k };
    const [kept] = rowsOf<{ prevHash: string }>(
      await tx.execute(sql`select prev_hash as "prevHash" from audit_events where id = ${bound.k}::bigint`),
    );
    await recordAudit(tx, {
      actorId: null,
      action: 'audit.purge',
      subjectType: 'audit',
      detail: { olderThanDays: days, deleted, keptFromId: bound.k, anchorHash: kept?.prevHash ?? null },
      ip: 'cli',
    });
    return { deleted, keptFromId: bound.k };
  });
}
