import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

/** prevHash of the first sealed row ever written. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** An audit row as the chain sees it: every field as text, exactly as stored (no driver conversions). */
export interface ChainRow {
  id: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  regionCode: string | null;
  /** jsonb as text; parsed and re-serialised canonically before hashing. */
  detail: string | null;
  ip: string | null;
  /** UTC, microseconds: a JS Date would drop the last three digits and let them change unnoticed. */
  createdAt: string;
  prevHash: string | null;
  hash: string | null;
}

/** JSON with object keys sorted at every depth, no whitespace: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

/** hash = SM3(prevHash || canonical JSON of the row's content), hex. */
export function chainHash(prevHash: string, row: ChainRow): string {
  const content = canonicalJson({
    id: row.id,
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    regionCode: row.regionCode,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
    ip: row.ip,
    createdAt: row.createdAt,
  });
  return crypto.createHash('sm3').update(prevHash + content, 'utf8').digest('hex');
}

/** Reads audit rows for hashing, in id order. `where` is a condition on the table aliased `a`. */
export async function readChainRows(db: DbOrTx, where: SQL, limit: number): Promise<ChainRow[]> {
  return rowsOf<ChainRow>(
    await db.execute(sql`
      select a.id::text as "id", a.actor_id::text as "actorId", a.action, a.subject_type as "subjectType",
             a.subject_id as "subjectId", a.region_code as "regionCode", a.detail::text as "detail", a.ip,
             to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
             a.prev_hash as "prevHash", a.hash
      from audit_events a
      where ${where}
      order by a.id
      limit ${limit}`),
  );
}

export interface AuditVerifyReport {
  ok: boolean;
  /** Sealed rows whose hash was recomputed. */
  checked: number;
  /** How the chain starts: at the genesis value, or at the oldest remaining row whose prevHash is trusted (older rows purged). */
  start: 'empty' | 'genesis' | 'trusted';
  firstId: string | null;
  lastId: string | null;
  /** The newest sealed hash: keep it elsewhere, since cutting rows off the end is only visible against an outside copy. */
  headHash: string | null;
  /** Rows not sealed yet (the sealing job runs every few seconds). */
  unsealed: number;
  notes: string[];
  /** The first row where the chain breaks, null when it holds. */
  finding: { id: string; problem: string } | null;
}

const VERIFY_BATCH = 1000;

/** Recomputes the chain in id order and stops at the first row that does not match. */
export async function verifyAuditChain(db: DbOrTx): Promise<AuditVerifyReport> {
  const report: AuditVerifyReport = { ok: true, checked: 0, start: 'empty', firstId: null, lastId: null, headHash: null, unsealed: 0, notes: [], finding: null };
  const fail = (id: string, problem: string) => {
    report.ok = false;
    report.finding = { id, problem };
    return report;
  };
  let prev: ChainRow | null = null;
  let firstUnsealed: string | null = null;
  let cursor = '0';
  for (;;) {
    const rows = await readChainRows(db, sql`a.id > ${cursor}::bigint`, VERIFY_BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      cursor = row.id;
      if (row.hash === null || row.prevHash === null) {
        report.unsealed++;
        firstUnsealed ??= row.id;
        continue;
      }
      // The sealer goes strictly in id order, so an unsealed row below a sealed one is a break.
      if (firstUnsealed !== null) return fail(firstUnsealed, `row ${firstUnsealed} is not sealed but the later row ${row.id} is (its hash was removed, or it committed too late to be sealed in order)`);
      if (chainHash(row.prevHash, row) !== row.hash) return fail(row.id, `row ${row.id}: its content does not match its hash (changed after sealing)`);
      if (prev === null) {
        report.firstId = row.id;
        if (row.prevHash === AUDIT_GENESIS_HASH) report.start = 'genesis';
        else {
          report.start = 'trusted';
          const vouched = await purgeRecordFor(db, row);
          if (!vouched) return fail(row.id, `row ${row.id} is the oldest but does not start at genesis, and no audit.purge record names it: older rows were removed outside the purge`);
          report.notes.push(`rows before ${row.id} were purged (audit.purge row ${vouched}); the chain starts at row ${row.id}, trusting its prevHash ${row.prevHash}`);
        }
      } else if (row.prevHash !== prev.hash) {
        return fail(row.id, `row ${row.id}: its prevHash does not match the hash of row ${prev.id} (rows deleted between them, or the chain reordered)`);
      }
      report.checked++;
      report.lastId = row.id;
      report.headHash = row.hash;
      prev = row;
    }
  }
  return report;
}

/** The purge writes which row the chain continues from and that row's prevHash; returns the id of that record. */
async function purgeRecordFor(db: DbOrTx, row: ChainRow): Promise<string | null> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select a.id::text as id from audit_events a
      where a.action = 'audit.purge' and a.detail->>'keptFromId' = ${row.id} and a.detail->>'anchorHash' = ${row.prevHash}
      order by a.id desc limit 1`),
  );
  return rows[0]?.id ?? null;
}
