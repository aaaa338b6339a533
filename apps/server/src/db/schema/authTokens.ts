import { bigint, pgTable, primaryKey, timestamp, varchar, index } from 'drizzle-orm/pg-core';

/**
 * Single-use authentication tokens shared by every app instance, so a replay through another
 * instance behind the load balancer is refused as well:
 * - kind 'ticket': the nonce of a used login ticket (key = nonce);
 * - kind 'totp': the last accepted time step of an account's authenticator (key = user id, step set),
 *   so neither the same code nor an older one is accepted again.
 * A row can go once expires_at has passed: the token it guards is no longer valid by then anyway.
 */
export const usedAuthTokens = pgTable(
  'used_auth_tokens',
  {
    kind: varchar('kind', { length: 16 }).notNull(),
    key: varchar('key', { length: 128 }).notNull(),
    /** TOTP: the last time step used (30-second steps since the epoch). */
    step: bigint('step', { mode: 'number' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index('used_auth_tokens_expires_idx').on(t.expiresAt)],
);
