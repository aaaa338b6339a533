import { pgTable, text, varchar, timestamp, uuid, jsonb, bigserial, index } from 'drizzle-orm/pg-core';

/** Append-only record of every state change: who, when, what, from where. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    action: varchar('action', { length: 64 }).notNull(),
    subjectType: varchar('subject_type', { length: 32 }).notNull(),
    subjectId: text('subject_id'),
    /** Region the subject belongs to, so the levels above can see it. */
    regionCode: varchar('region_code', { length: 6 }),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: varchar('ip', { length: 64 }),
    /** SM3 hash chain: this row's hash over its content and the previous row's hash (tamper evidence). */
    prevHash: varchar('prev_hash', { length: 64 }),
    hash: varchar('hash', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId), index('audit_region_idx').on(t.regionCode, t.createdAt)],
);
