import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { notifications } from '../../db/schema/index.js';

/** Marks the actor's own released notifications read (ids of others' are simply not matched). */
export async function markNotificationsRead(ctx: AppContext, actor: Actor, ids?: string[]) {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(eq(notifications.userId, actor.id), ne(notifications.status, 'pending'), isNull(notifications.readAt), ids ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
