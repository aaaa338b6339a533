import crypto from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { sessions, users } from '../db/schema/index.js';

export const SESSION_COOKIE = 'fw_sid';
/** A session unused for this long ends (等保 2.0: idle timeout), whatever its absolute lifetime. */
export const SESSION_IDLE_MINUTES = 30;
/** lastSeenAt is written at most this often, to spare a write on every request. */
export const SESSION_TOUCH_SECONDS = 60;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(db: DbOrTx, userId: string, ttlHours: number, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) });
  return token;
}

/** The session's row with what a request needs of its user (prepared: it runs on every request). */
const sessionUserQuery = (db: Db) =>
  db
    .select({
      user: { id: users.id, role: users.role, regionCode: users.regionCode, level: users.level, totpEnabledAt: users.totpEnabledAt, mustChangePassword: users.mustChangePassword },
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare('session_user');

/**
 * The user of a live session: not past its absolute lifetime (expiresAt) and used within the idle
 * timeout. An idle session is deleted on sight; a live one has lastSeenAt moved on (once a minute).
 */
export async function findSessionUser(db: Db, token: string, now: Date) {
  const id = hashToken(token);
  const rows = await prepared(db, 'session_user', sessionUserQuery).execute({ id, now: now.toISOString() });
  const found = rows[0];
  if (!found) return null;
  const idleMs = now.getTime() - found.lastSeenAt.getTime();
  if (idleMs >= SESSION_IDLE_MINUTES * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (idleMs >= SESSION_TOUCH_SECONDS * 1000) {
    // The condition keeps concurrent requests from moving it backwards.
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, now)));
  }
  return { user: found.user, sessionId: found.sessionId };
}

export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of the account; with `except`, the caller's own session stays. */
export async function endAllSessions(db: DbOrTx, userId: string, opts: { exceptToken?: string } = {}): Promise<number> {
  const where = opts.exceptToken ? and(eq(sessions.userId, userId), ne(sessions.id, hashToken(opts.exceptToken))) : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return ended.length;
}
