import { pgTable, text, varchar, timestamp, uuid, jsonb, integer, boolean, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { applications } from './applications.js';
import { rounds } from './rounds.js';

/**
 * 申报截止: an authority closes applications for its region in a round. A region is closed when it
 * or any region above it has a closure that was not undone.
 */
export const regionClosures = pgTable(
  'region_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => rounds.id),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    closedBy: uuid('closed_by').notNull(),
    /** Set when the closing is undone (before any recommendation). */
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by'),
  },
  (t) => [uniqueIndex('region_closures_round_region_uq').on(t.roundId, t.regionCode)],
);

/** What a reopening lets the applicant change: everything, or only some sections and upload slots. */
export interface ReopenScope {
  whole: boolean;
  sections: string[];
  slots: string[];
}

/** A temporary reopening of one closed application, with a reason and an expiry. */
export const reopenings = pgTable(
  'reopenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    reason: text('reason').notNull(),
    scope: jsonb('scope').$type<ReopenScope>().notNull(),
    openedBy: uuid('opened_by').notNull(),
    /** The authority's region that opened it. */
    openedByRegion: varchar('opened_by_region', { length: 6 }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** The reopening ends by itself at this moment. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [index('reopenings_app_idx').on(t.applicationId, t.openedAt)],
);

/**
 * One authority level's view of one application in a round: its completeness check (形式审查),
 * recommendation (推荐) with rank, paper check and opinion (推荐意见). A recommendation passes the
 * application up to the next level.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => rounds.id),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    /** The reviewing authority's region and level (district | city | province | ministry). */
    reviewerRegion: varchar('reviewer_region', { length: 6 }).notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    /** pending | passed | returned */
    checkStatus: varchar('check_status', { length: 16 }).notNull().default('pending'),
    checkReason: text('check_reason'),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    recommended: boolean('recommended').notNull().default(false),
    /** 1-based ranking among the recommended of the same category (and sub-type) at this reviewer. */
    rank: integer('rank'),
    recommendedBy: uuid('recommended_by'),
    recommendedAt: timestamp('recommended_at', { withTimezone: true }),
    opinion: text('opinion'),
    paperNumber: varchar('paper_number', { length: 32 }),
    paperCheckedAt: timestamp('paper_checked_at', { withTimezone: true }),
    /** matches | superseded | unknown (the typed number against the current electronic one) */
    paperResult: varchar('paper_result', { length: 16 }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reviews_app_reviewer_uq').on(t.applicationId, t.reviewerRegion),
    index('reviews_reviewer_idx').on(t.roundId, t.reviewerRegion, t.recommended, t.rank),
    index('reviews_level_idx').on(t.applicationId, t.level, t.recommended),
  ],
);
