import { pgTable, text, varchar, timestamp, uuid, jsonb, integer, boolean, bigint, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { demonstrationUnits } from './publication.js';

/**
 * A yearly evaluation (评估评价) run by an organiser for the demonstration units of its territory: units
 * fill the year's form online by `closesAt`, authorities of their region check by `checkDueAt`, the
 * organiser grades 优秀 / 合格 / 基本合格.
 */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organiserRegion: varchar('organiser_region', { length: 6 }).notNull(),
    /** The year evaluated (the units report this year's indicators). */
    year: integer('year').notNull(),
    name: text('name').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    checkDueAt: timestamp('check_due_at', { withTimezone: true }).notNull(),
    /** draft | open | grading | closed */
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_rounds_org_year_uq').on(t.organiserRegion, t.year)],
);

/**
 * One unit's evaluation in one year: its form (versioned like applications), the authority's check,
 * the organiser's grade, or instead a written explanation the authority files for a unit that cannot
 * fill online (business status 吊销/注销/停业/清算).
 */
export const unitEvaluations = pgTable(
  'unit_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationRoundId: uuid('evaluation_round_id').notNull().references(() => evaluationRounds.id),
    unitId: uuid('unit_id').notNull().references(() => demonstrationUnits.id),
    /** Copied from the unit: the authorities' scope condition needs no join. */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    year: integer('year').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(0),
    /** draft | submitted | returned | checked | graded */
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The authority's check: pending | passed | returned (with reason). */
    checkStatus: varchar('check_status', { length: 16 }).notNull().default('pending'),
    checkReason: text('check_reason'),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** excellent | qualified | basic (优秀 / 合格 / 基本合格) */
    grade: varchar('grade', { length: 16 }),
    gradedBy: uuid('graded_by'),
    gradedAt: timestamp('graded_at', { withTimezone: true }),
    writtenExplanation: boolean('written_explanation').notNull().default(false),
    explanationText: text('explanation_text'),
    /** The business status the explanation reports (吊销/注销/停业/清算). */
    explanationStatus: text('explanation_status'),
    explanationBy: uuid('explanation_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_evaluations_round_unit_uq').on(t.evaluationRoundId, t.unitId),
    index('unit_evaluations_unit_idx').on(t.unitId, t.year),
    index('unit_evaluations_region_idx').on(t.evaluationRoundId, t.regionCode),
  ],
);

/** Files of an evaluation (narrative, supporting), checked and stored like application files. */
export const evaluationFiles = pgTable(
  'evaluation_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id').notNull().references(() => unitEvaluations.id),
    slot: varchar('slot', { length: 16 }).notNull(),
    originalName: text('original_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    kind: varchar('kind', { length: 8 }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: text('storage_key').notNull(),
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('evaluation_files_eval_idx').on(t.evaluationId)],
);

/**
 * A revocation (撤销示范称号) the rules proposed and the organiser confirmed or dismissed; confirmed ones
 * set the unit's status to revoked with the reason and date.
 */
export const revocations = pgTable(
  'revocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => demonstrationUnits.id),
    evaluationRoundId: uuid('evaluation_round_id').references(() => evaluationRounds.id),
    /** The rule engine's reasons (Chinese), as proposed. */
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    /** proposed | confirmed | dismissed */
    status: varchar('status', { length: 16 }).notNull().default('proposed'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('revocations_unit_idx').on(t.unitId, t.status)],
);
