import { pgTable, text, varchar, timestamp, uuid, jsonb, integer, bigint, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';
import { rounds } from './rounds.js';

/** One application of one organisation in one round; `data` holds the form values by field key. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => rounds.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    /** enterprise | platform | project | city | district; locked after the first submit */
    category: varchar('category', { length: 16 }).notNull(),
    /** platform: shared | other; city: design | general */
    subType: varchar('sub_type', { length: 16 }),
    /** Region of the applicant, copied for fast scoped queries. */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Incremented by every save; a save names the version it started from (optimistic locking). */
    version: integer('version').notNull().default(0),
    /** draft | submitted (see shared/workflow) */
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    currentNumber: varchar('current_number', { length: 32 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_round_org_uq').on(t.roundId, t.organisationId),
    index('applications_round_region_idx').on(t.roundId, t.regionCode, t.category),
    // Authorities select their region by code prefix (LIKE '44%'); pattern ops let the btree serve it
    // whatever the database collation.
    index('applications_round_region_prefix_idx').using('btree', t.roundId, t.regionCode.op('varchar_pattern_ops'), t.category),
  ],
);

/** Every submit: a frozen snapshot with its number. Re-submitting supersedes the previous one. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    number: varchar('number', { length: 32 }).notNull(),
    /** current | superseded */
    status: varchar('status', { length: 16 }).notNull().default('current'),
    idempotencyKey: varchar('idempotency_key', { length: 64 }).notNull(),
    applicationVersion: integer('application_version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('submissions_number_uq').on(t.number),
    uniqueIndex('submissions_idem_uq').on(t.applicationId, t.idempotencyKey),
    index('submissions_app_idx').on(t.applicationId),
  ],
);

/** Per round, region and category: the last sequence number issued (row-locked while issuing). */
export const numberCounters = pgTable(
  'number_counters',
  {
    scope: varchar('scope', { length: 32 }).primaryKey(),
    last: integer('last').notNull().default(0),
  },
);

/** Uploaded files; the bytes live in the FileStore under `storageKey`. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    /** narrative | supporting | brochure */
    slot: varchar('slot', { length: 16 }).notNull(),
    originalName: text('original_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The type detected from the content, e.g. pdf, docx. */
    kind: varchar('kind', { length: 8 }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: text('storage_key').notNull(),
    /** What the upload checks found worth a reviewer's attention, e.g. ['pdf-javascript', 'pdf-embedded-file']. */
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    /** When the upload began (tus creation); a submit in the grace period relies on it. */
    uploadStartedAt: timestamp('upload_started_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('files_app_idx').on(t.applicationId, t.slot)],
);

/** Log of accepted saves: makes a retried save idempotent (same saveId → same answer) and keeps history. */
export const applicationSaves = pgTable(
  'application_saves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    saveId: varchar('save_id', { length: 64 }).notNull(),
    /** The version this save produced. */
    version: integer('version').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('application_saves_uq').on(t.applicationId, t.saveId)],
);
