import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { loginThrottle } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';

/** Failed attempts within the window that lock the key. */
export const LOCKOUT_FAILURES = 5;
/** How long a lock lasts, and how far back failures count. */
export const LOCKOUT_MINUTES = 15;

export const userKey = (userId: string) => `user:${userId}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export interface ThrottleScope {
  /** the account, once the login name is known */
  userId: string | null;
  ip: string | null;
}

const keysOf = (s: ThrottleScope): string[] => [...(s.ip ? [ipKey(s.ip)] : []), ...(s.userId ? [userKey(s.userId)] : [])];

const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The 429 a locked login answers, even with the right password. */
export function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError('RATE_LIMITED', `登录失败次数过多，已暂时锁定，请于${clock.format(until)}（约${minutes}分钟后）再试`, undefined, {
    retryAfterSeconds: seconds,
    lockedUntil: until.toISOString(),
  });
}

/** Sets the lock unless one is in force; only the request that sets it writes the audit row. */
async function lock(ctx: AppContext, key: string, failures: number, scope: ThrottleScope): Promise<Date> {
  const now = ctx.now();
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const set = await ctx.db
    .update(loginThrottle)
    .set({ lockedUntil: until })
    .where(and(eq(loginThrottle.key, key), or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now))))
    .returning({ key: loginThrottle.key });
  if (set.length === 0) {
    const [row] = await ctx.db.select({ lockedUntil: loginThrottle.lockedUntil }).from(loginThrottle).where(eq(loginThrottle.key, key));
    return row?.lockedUntil ?? until;
  }
  const isUser = key.startsWith('user:');
  await recordAudit(ctx.db, {
    actorId: scope.userId,
    action: isUser ? 'user.login_locked' : 'ip.login_locked',
    subjectType: isUser ? 'user' : 'ip',
    subjectId: isUser ? scope.userId : null,
    detail: { failures, lockedUntil: until.toISOString(), minutes: LOCKOUT_MINUTES },
    ip: scope.ip,
  });
  return until;
}

/**
 * Counts an attempt against the address and the account before the secret is checked, so parallel
 * guesses cannot slip past the limit: a locked key, or a sixth attempt within the window, is refused
 * with 429. Returns the counts; pass them to `attemptFailed` or `attemptSucceeded`.
 */
export async function beginAttempt(ctx: AppContext, scope: ThrottleScope): Promise<Map<string, number>> {
  const now = ctx.now();
  const windowStart = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
  const counts = new Map<string, number>();
  for (const key of keysOf(scope)) {
    // A count older than the window, or one whose lock has run out, starts again.
    const stale = sql`(${loginThrottle.firstFailureAt} < ${windowStart} or ${loginThrottle.lockedUntil} <= ${now})`;
    const [row] = await ctx.db
      .insert(loginThrottle)
      .values({ key, failures: 1, firstFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${stale} then 1 else ${loginThrottle.failures} + 1 end`,
          firstFailureAt: sql`case when ${stale} then ${now} else ${loginThrottle.firstFailureAt} end`,
          lockedUntil: sql`case when ${loginThrottle.lockedUntil} <= ${now} then null else ${loginThrottle.lockedUntil} end`,
        },
      })
      .returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
    if (!row) continue;
    if (row.lockedUntil && row.lockedUntil > now) throw lockedError(row.lockedUntil, now);
    if (row.failures > LOCKOUT_FAILURES) throw lockedError(await lock(ctx, key, row.failures, scope), now);
    counts.set(key, row.failures);
  }
  return counts;
}

/** A wrong secret: the attempt stays counted; the fifth locks the key and answers 429 at once. */
export async function attemptFailed(ctx: AppContext, counts: Map<string, number>, scope: ThrottleScope): Promise<void> {
  let until: Date | null = null;
  for (const [key, n] of counts) if (n >= LOCKOUT_FAILURES) until = await lock(ctx, key, n, scope);
  if (until) throw lockedError(until, ctx.now());
}

/** A right secret: the account's count ends, the address gets this attempt back. */
export async function attemptSucceeded(ctx: AppContext, scope: ThrottleScope): Promise<void> {
  if (scope.userId) await ctx.db.delete(loginThrottle).where(eq(loginThrottle.key, userKey(scope.userId)));
  if (scope.ip) {
    await ctx.db
      .update(loginThrottle)
      .set({ failures: sql`${loginThrottle.failures} - 1` })
      .where(and(eq(loginThrottle.key, ipKey(scope.ip)), gt(loginThrottle.failures, 0)));
  }
}
