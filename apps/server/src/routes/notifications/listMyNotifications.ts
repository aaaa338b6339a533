import { and, count, desc, eq, isNull, ne } from 'drizzle-orm';
import type { NotificationList } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { notifications } from '../../db/schema/index.js';

/** The actor's own released notifications, newest first, and how many are unread. */
export async function listMyNotifications(ctx: AppContext, actor: Actor, limit: number): Promise<NotificationList> {
  const mine = and(eq(notifications.userId, actor.id), ne(notifications.status, 'pending'));
  const rows = await ctx.db.select().from(notifications).where(mine).orderBy(desc(notifications.releasedAt), desc(notifications.createdAt)).limit(limit);
  const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)));
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, releasedAt: r.releasedAt?.toISOString() ?? null, read: r.readAt !== null })),
    unread: Number(unread?.n ?? 0),
  };
}
