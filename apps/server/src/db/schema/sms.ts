import { pgTable, text, varchar, timestamp, integer, uuid, index } from 'drizzle-orm/pg-core';

/** One-time SMS verification codes (stored hashed). */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mobileIndex: varchar('mobile_index', { length: 64 }).notNull(),
    /** register | reset */
    purpose: varchar('purpose', { length: 16 }).notNull(),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_codes_lookup_idx').on(t.mobileIndex, t.purpose, t.createdAt)],
);

/** Messages sent by the local SmsSender (development outbox). */
export const smsOutbox = pgTable('sms_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  mobileEnc: text('mobile_enc').notNull(),
  mobileMasked: varchar('mobile_masked', { length: 16 }).notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
