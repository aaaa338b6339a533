import { and, asc, eq, gt, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { objections, organisations, smsOutbox, submissions, users } from '../db/schema/index.js';
import type { PersonalData } from './personalData.js';

/**
 * Where protected values live (every personalData.protect in the code): a text column, or strings
 * at paths inside a jsonb column. A new protected column is added here; `leftUnderOtherKeys` finds
 * any column that was forgotten.
 */
interface Target {
  name: string;
  table: PgTable;
  id: PgColumn;
  column: PgColumn;
  /** The column's property name (update().set() takes those). */
  key: string;
  /** Paths inside a jsonb column; absent for a text column. */
  paths?: string[][];
}

const TARGETS: Target[] = [
  { name: 'users.mobile_enc', table: users, id: users.id, column: users.mobileEnc, key: 'mobileEnc' },
  { name: 'users.contact', table: users, id: users.id, column: users.contact, key: 'contact', paths: [['mobileEnc']] },
  { name: 'users.totp_secret_enc', table: users, id: users.id, column: users.totpSecretEnc, key: 'totpSecretEnc' },
  { name: 'organisations.contact', table: organisations, id: organisations.id, column: organisations.contact, key: 'contact', paths: [['mobileEnc'], ['emailEnc']] },
  { name: 'objections.contact_enc', table: objections, id: objections.id, column: objections.contactEnc, key: 'contactEnc' },
  { name: 'sms_outbox.mobile_enc', table: smsOutbox, id: smsOutbox.id, column: smsOutbox.mobileEnc, key: 'mobileEnc' },
  // The frozen copy of the organisation at each submit carries its contact as stored then.
  { name: 'submissions.snapshot', table: submissions, id: submissions.id, column: submissions.snapshot, key: 'snapshot', paths: [['organisation', 'contact', 'mobileEnc'], ['organisation', 'contact', 'emailEnc']] },
];

export interface RotationCounts {
  /** Values re-encrypted under the current key, per target. */
  reencrypted: Record<string, number>;
  /** The same values by the key id they were read with. */
  fromKeys: Record<string, number>;
  /** Blind indexes rewritten under the new index key (only with an old index key). */
  blindIndexes: Record<string, number>;
}

export interface RotationOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** The blind index under the key being replaced: given, users.mobile_index is recomputed. */
  oldIndex?: Pick<PersonalData, 'blindIndex'>;
  /** A line per finished batch (the CLI prints them). */
  progress?: (line: string) => void;
}

/** Values at `path` of a jsonb column or the text column itself, as SQL text. */
const valueAt = (t: Target, path: string[] | null): SQL => (path ? sql`(${t.column} #>> ${`{${path.join(',')}}`})` : sql`${t.column}`);

/** A protected value not written under the current key (empty strings mean "not bound yet"). */
const needsRotation = (value: SQL, current: string): SQL => sql`(${value} like 'sm4:%' and ${value} not like ${`sm4:${current}:%`})`;

function whereStale(t: Target, current: string): SQL {
  const parts = (t.paths ?? [null]).map((p) => needsRotation(valueAt(t, p), current));
  return sql`(${sql.join(parts, sql` or `)})`;
}

function getAt(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

function setAt(obj: Record<string, unknown>, path: string[], value: string): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[path[path.length - 1]!] = value;
}

/**
 * Re-encrypts every protected value not under the current key, batch by batch, each batch in its own
 * transaction with its rows locked, so the app keeps running and a stopped run resumes where it
 * stopped (the rows already done no longer match). A value under a key that is not configured stops
 * the run with that key's id.
 */
export async function rotatePersonalData(db: Db, pd: PersonalData, opts: RotationOptions = {}): Promise<RotationCounts> {
  const batchSize = opts.batchSize ?? 500;
  const counts: RotationCounts = { reencrypted: {}, fromKeys: {}, blindIndexes: {} };
  const again = (stored: string) => {
    const id = pd.keyIdOf(stored);
    if (!id || id === pd.currentKeyId) return stored;
    const fresh = pd.protect(pd.reveal(stored));
    counts.fromKeys[id] = (counts.fromKeys[id] ?? 0) + 1;
    return fresh;
  };

  for (const t of TARGETS) {
    counts.reencrypted[t.name] = 0;
    let cursor = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const rows = (await tx
          .select({ id: t.id, value: t.column })
          .from(t.table)
          .where(and(gt(t.id, cursor), whereStale(t, pd.currentKeyId)))
          .orderBy(asc(t.id))
          .limit(batchSize)
          .for('update')) as { id: string; value: unknown }[];
        for (const row of rows) {
          let value: unknown;
          if (!t.paths) value = again(row.value as string);
          else {
            const copy = structuredClone(row.value) as Record<string, unknown>;
            for (const p of t.paths) {
              const v = getAt(copy, p);
              if (typeof v === 'string' && v) setAt(copy, p, again(v));
            }
            value = copy;
          }
          await tx.update(t.table).set({ [t.key]: value }).where(eq(t.id, row.id));
        }
        return rows;
      });
      if (done.length === 0) break;
      cursor = done[done.length - 1]!.id;
      counts.reencrypted[t.name] += done.length;
      opts.progress?.(`${t.name}: ${counts.reencrypted[t.name]} rows re-encrypted`);
      if (done.length < batchSize) break;
    }
  }

  if (opts.oldIndex) counts.blindIndexes['users.mobile_index'] = await reindexMobiles(db, pd, opts.oldIndex, batchSize, opts.progress);
  return counts;
}

/**
 * users.mobile_index under the new index key, from each decrypted number. Rows already rewritten
 * match the new index and are left alone, so this too resumes.
 */
async function reindexMobiles(db: Db, pd: PersonalData, oldIndex: Pick<PersonalData, 'blindIndex'>, batchSize: number, progress?: (line: string) => void): Promise<number> {
  let cursor = '00000000-0000-0000-0000-000000000000';
  let rewritten = 0;
  for (;;) {
    const rows = await db.transaction(async (tx) => {
      const batch = await tx
        .select({ id: users.id, mobileEnc: users.mobileEnc, mobileIndex: users.mobileIndex })
        .from(users)
        .where(and(gt(users.id, cursor), isNotNull(users.mobileEnc)))
        .orderBy(asc(users.id))
        .limit(batchSize)
        .for('update');
      for (const u of batch) {
        const mobile = pd.reveal(u.mobileEnc!);
        const fresh = pd.blindIndex(mobile);
        if (u.mobileIndex === fresh) continue;
        // An index that is missing is simply written; one under a third key is not guessed at.
        if (u.mobileIndex !== null && u.mobileIndex !== oldIndex.blindIndex(mobile)) throw new Error(`users ${u.id}: mobile_index matches neither BLIND_INDEX_OLD_KEY nor BLIND_INDEX_KEY`);
        await tx.update(users).set({ mobileIndex: fresh }).where(eq(users.id, u.id));
        rewritten++;
      }
      return batch;
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    progress?.(`users.mobile_index: ${rewritten} rewritten`);
    if (rows.length < batchSize) break;
  }
  return rewritten;
}

/**
 * Every text, varchar or jsonb column of the database still holding a value under another key than
 * the current one, with its count: the check after a rotation (it also finds a protected column
 * missing from the list above). The audit log is left out: it is append-only and never holds them.
 */
export async function leftUnderOtherKeys(db: Db, currentKeyId: string): Promise<Record<string, number>> {
  const columns = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'jsonb') and c.table_name <> 'audit_events'
      order by c.table_name, c.column_name`),
  );
  const left: Record<string, number> = {};
  for (const c of columns) {
    const text = c.data_type === 'jsonb' ? sql`${sql.identifier(c.column_name)}::text` : sql.identifier(c.column_name);
    // A stored value starts with sm4:<id>: (inside jsonb, after a quote); any id but the current one.
    const pattern = `${c.data_type === 'jsonb' ? '"' : '^'}sm4:(?!${currentKeyId}:)[A-Za-z0-9_-]+:[0-9a-f]{32}:`;
    const stale = sql`${text} ~ ${pattern}`;
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${stale}`));
    if (row && row.n > 0) left[`${c.table_name}.${c.column_name}`] = row.n;
  }
  return left;
}
