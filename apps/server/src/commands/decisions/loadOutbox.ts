import { and, count, eq, inArray } from 'drizzle-orm';
import type { OutboxResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { notifications } from '../../db/schema/index.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { masked, withRecipients } from './recipients.js';

/** The round's notices waiting for the organiser (recipients masked), and how many went out before. */
export async function loadOutbox(ctx: AppContext, actor: Actor, roundId: string): Promise<OutboxResponse> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const pending = await ctx.db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.roundId, round.id), eq(notifications.status, 'pending')));
  const rows = (await withRecipients(ctx, pending.map((p) => p.id))).sort((a, b) => a.recipientName.localeCompare(b.recipientName, 'zh-CN'));
  const counts = await ctx.db
    .select({ status: notifications.status, n: count() })
    .from(notifications)
    .where(and(eq(notifications.roundId, round.id), inArray(notifications.status, ['sent', 'failed'])))
    .groupBy(notifications.status);
  const of = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return { pending: rows.map(masked), sentCount: of('sent'), failedCount: of('failed') };
}
