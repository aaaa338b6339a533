import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { notifications } from '../../db/schema/index.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { recordAudit } from '../../services/audit.js';
import { deliverNotifications } from './deliverNotifications.js';

/**
 * 发送: releases every pending notice of the round (applicants see them in the app from now on), then
 * sends them by SMS and e-mail after the commit. Pressing it twice releases nothing more.
 */
export async function releaseOutbox(ctx: AppContext, actor: Actor, roundId: string, log?: { warn(obj: object, msg: string): void }) {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const released = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const rows = await tx
      .update(notifications)
      .set({ status: 'released', releasedAt: now })
      .where(and(eq(notifications.roundId, round.id), eq(notifications.status, 'pending')))
      .returning({ id: notifications.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'notifications.release',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: actor.regionCode,
      detail: { count: rows.length },
      ip: actor.ip,
    });
    return rows.map((r) => r.id);
  });
  const delivery = await deliverNotifications(ctx, released, log);
  return { released: released.length, ...delivery };
}
