import { pgTable, text, varchar, timestamp, uuid, jsonb, boolean, integer, doublePrecision, date, uniqueIndex, index } from 'drizzle-orm/pg-core';
import type { DeclaredConflict } from '@fw/shared';
import { users } from './users.js';
import { rounds } from './rounds.js';
import { applications } from './applications.js';

/**
 * An expert of an organiser's pool (专家库). The login is a users row with role 'expert'; this row
 * holds what conflict-of-interest checks and load balancing need.
 */
export const experts = pgTable(
  'experts',
  {
    userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
    /** The organiser region whose pool the expert belongs to ('000000' = the ministry). */
    poolRegion: varchar('pool_region', { length: 6 }).notNull(),
    name: text('name').notNull(),
    /** Fields of expertise (专业领域), free labels. */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    /** 职称 / position. */
    title: text('title'),
    employerName: text('employer_name').notNull(),
    employerUscc: varchar('employer_uscc', { length: 18 }),
    employerLegalRepresentative: text('employer_legal_representative'),
    /** Where the expert works (GB/T 2260), for same-region exclusion. */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    /** Categories the expert reviews (empty = all). */
    categories: jsonb('categories').$type<string[]>().notNull().default([]),
    /** The expert's own cap of applications per round, below the round's (null = the round's). */
    maxLoad: integer('max_load'),
    /** Conflicts the expert declared up front (organisations by USCC or name). */
    declaredConflicts: jsonb('declared_conflicts').$type<DeclaredConflict[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experts_pool_idx').on(t.poolRegion, t.active)],
);

/**
 * One expert reviewing one application in a round (评审任务): the assignment, the expert's
 * declaration of no conflict (before any content is shown), and the score sheet once submitted.
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => rounds.id),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    expertId: uuid('expert_id').notNull().references(() => users.id),
    /** auto (the assignment run) | manual (an organiser's override, also in the audit log) */
    source: varchar('source', { length: 8 }).notNull().default('auto'),
    /** assigned | declined (the expert declared a conflict) | withdrawn (by the organiser) */
    status: varchar('status', { length: 16 }).notNull().default('assigned'),
    /** The expert declared no conflict of interest; until then only the applicant's name is shown. */
    noConflictDeclaredAt: timestamp('no_conflict_declared_at', { withTimezone: true }),
    /** The expert's own reason when declining for a conflict. */
    conflictReason: text('conflict_reason'),
    /** Points per rubric criterion (draft until submittedAt is set). */
    scores: jsonb('scores').$type<Record<string, number>>(),
    total: doublePrecision('total'),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    assignedBy: uuid('assigned_by'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_assignments_app_expert_uq').on(t.applicationId, t.expertId),
    index('review_assignments_expert_idx').on(t.expertId, t.roundId),
    index('review_assignments_round_idx').on(t.roundId, t.applicationId),
  ],
);

/** A site inspection (现场考察) of an application's organisation or city. */
export const siteInspections = pgTable(
  'site_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => rounds.id),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    scheduledOn: date('scheduled_on').notNull(),
    place: text('place'),
    /** Inspectors: expert user ids or free names of officials. */
    inspectors: jsonb('inspectors').$type<{ userId?: string; name: string }[]>().notNull().default([]),
    findings: text('findings'),
    /** scheduled | passed | failed | conditional */
    result: varchar('result', { length: 16 }).notNull().default('scheduled'),
    /** Attachments: rows of `files` (slot 'inspection') by id. */
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('site_inspections_round_idx').on(t.roundId, t.applicationId)],
);
