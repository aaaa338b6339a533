import { pgTable, text, varchar, timestamp, integer, uuid, boolean, jsonb, uniqueIndex, index } from 'drizzle-orm/pg-core';

/**
 * Every person who logs in: applicants, authorities, experts, administrators.
 * Personal data (mobile) is stored only in protected form: see services/personalData.ts.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** applicant | authority | expert | admin */
    role: varchar('role', { length: 16 }).notNull(),
    /** Encrypted mobile number (SM4). */
    mobileEnc: text('mobile_enc'),
    /** Keyed SM3 blind index of the mobile number, for look-ups without decrypting. */
    mobileIndex: varchar('mobile_index', { length: 64 }),
    /** Login name of issued accounts (authorities, experts); applicants log in by mobile. */
    username: varchar('username', { length: 64 }),
    passwordHash: text('password_hash').notNull(),
    /** Authorities: the GB/T 2260 code of the region they manage ('000000' = whole country). */
    regionCode: varchar('region_code', { length: 6 }),
    displayName: text('display_name'),
    /** Authorities: ministry | province | city | district (from the region code). */
    level: varchar('level', { length: 16 }),
    /** Issued accounts must bind a contact person and change the password on first login. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Contact person of an issued account; mobile inside is encrypted (personalData.protect). */
    contact: jsonb('contact').$type<{ name: string; mobileEnc: string; phone?: string } | null>(),
    /** The account that issued this one (the level above), for the audit trail. */
    issuedBy: uuid('issued_by'),
    failedLogins: integer('failed_logins').notNull().default(0),
    /** TOTP second factor: the secret (encrypted, personalData.protect) and when it was confirmed. */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_mobile_index_uq').on(t.mobileIndex),
    uniqueIndex('users_username_uq').on(t.username),
    index('users_region_idx').on(t.regionCode),
  ],
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time recovery codes of the second factor (stored hashed); each works once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Failed logins per account or per address ('user:<id>' / 'ip:<addr>'), for the lockout. */
export const loginThrottle = pgTable('login_throttle', {
  key: varchar('key', { length: 80 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
