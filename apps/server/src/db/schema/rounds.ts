import { pgTable, text, varchar, timestamp, uuid, jsonb, integer } from 'drizzle-orm/pg-core';
import type { RoundConfig } from '@fw/shared';

/** A selection round (遴选批次); everything that varies between rounds lives in `config`. */
export const rounds = pgTable('rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short code used in application numbers, e.g. N3 (3rd national round). */
  code: varchar('code', { length: 8 }).notNull().unique(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  /** The organiser's region ('000000' = the ministry). */
  organiserRegion: varchar('organiser_region', { length: 6 }).notNull(),
  /** draft | open | closed | reviewing | published */
  status: varchar('status', { length: 16 }).notNull().default('open'),
  fillingOpensAt: timestamp('filling_opens_at', { withTimezone: true }).notNull(),
  fillingClosesAt: timestamp('filling_closes_at', { withTimezone: true }).notNull(),
  config: jsonb('config').$type<RoundConfig>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
