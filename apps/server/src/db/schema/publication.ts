import { pgTable, text, varchar, timestamp, uuid, integer, jsonb, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users } from './users.js';
import { rounds } from './rounds.js';
import { applications } from './applications.js';
import { organisations } from './organisations.js';

/**
 * The organiser's decision on one application (拟入选 or not), prepared and previewed first and then
 * released together: releasedAt is set on every decision of the round in one transaction.
 */
export const roundDecisions = pgTable(
  'round_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => rounds.id),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    /** selected | not_selected */
    decision: varchar('decision', { length: 16 }).notNull(),
    /** Place in the category's ranking when selected. */
    rank: integer('rank'),
    note: text('note'),
    preparedBy: uuid('prepared_by').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('round_decisions_app_uq').on(t.roundId, t.applicationId)],
);

/** The public notice (公示) of a round's selected list; public without login while open. */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => rounds.id),
    title: text('title').notNull(),
    body: text('body'),
    /** Objections are accepted from startsAt until endsAt. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Where objections go (an office phone / address shown on the page). */
    contactInfo: text('contact_info'),
    /** Set by publication (发布): the list is final. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('public_notices_round_uq').on(t.roundId)],
);

/** One unit on a notice, copied at notice time so the public page never reads application data. */
export const noticeEntries = pgTable(
  'notice_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id').notNull().references(() => publicNotices.id),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    name: text('name').notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    subType: varchar('sub_type', { length: 16 }),
    mode: text('mode'),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    position: integer('position').notNull(),
    /** Taken off the list after an upheld objection. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [uniqueIndex('notice_entries_app_uq').on(t.noticeId, t.applicationId)],
);

/** An objection (异议) lodged by anyone during the notice window, and its handling. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id').notNull().references(() => publicNotices.id),
    entryId: uuid('entry_id').references(() => noticeEntries.id),
    text: text('text').notNull(),
    /** The objector's name and contact (mobile or e-mail), protected (personalData.protect). */
    contactName: text('contact_name').notNull(),
    contactEnc: text('contact_enc').notNull(),
    /** open | upheld | rejected */
    status: varchar('status', { length: 16 }).notNull().default('open'),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objections_notice_idx').on(t.noticeId, t.status)],
);

/**
 * A demonstration unit (示范单位): published by a round on this platform, or imported from an
 * earlier batch. Evaluated every year; a revoked unit leaves the public list with reason and date.
 */
export const demonstrationUnits = pgTable(
  'demonstration_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    category: varchar('category', { length: 16 }).notNull(),
    subType: varchar('sub_type', { length: 16 }),
    mode: text('mode'),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    /** The title (示范称号) as published, e.g. 服务型制造示范企业. */
    title: text('title').notNull(),
    roundId: uuid('round_id').references(() => rounds.id),
    applicationId: uuid('application_id').references(() => applications.id),
    /** 批次 as printed, e.g. 第三批; and the year of publication. */
    batch: text('batch').notNull(),
    year: integer('year').notNull(),
    /** published | imported */
    source: varchar('source', { length: 16 }).notNull(),
    /** active | revoked */
    status: varchar('status', { length: 16 }).notNull().default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('demonstration_units_uscc_idx').on(t.uscc),
    index('demonstration_units_region_idx').on(t.regionCode, t.status),
    uniqueIndex('demonstration_units_app_uq').on(t.applicationId),
  ],
);

/**
 * Messages to users about outcomes: shown in the app, and sent by SMS / e-mail through the sender
 * interfaces. Prepared as 'pending' so the organiser can inspect them before release.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id').references(() => rounds.id),
    /** e.g. decision_selected, decision_not_selected, notice_published, objection_answered */
    kind: varchar('kind', { length: 32 }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** in-app always; plus these channels when released */
    channels: jsonb('channels').$type<('sms' | 'email')[]>().notNull().default([]),
    /** pending (prepared, organiser may inspect) | released | sent | failed */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_round_idx').on(t.roundId, t.status)],
);
