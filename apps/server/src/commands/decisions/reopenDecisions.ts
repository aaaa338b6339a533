import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { notifications, roundDecisions } from '../../db/schema/index.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { recordAudit } from '../../services/audit.js';
import { lockDecisionsOf } from './lockRound.js';

const DECISION_KINDS = ['decision_selected', 'decision_not_selected'];

/**
 * Reopens released decisions for changes (with a reason, audited). Notices still pending in the outbox
 * are withdrawn; those already sent stay with their recipients.
 */
export async function reopenDecisions(ctx: AppContext, actor: Actor, roundId: string, reason: string) {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  return ctx.db.transaction(async (tx) => {
    await lockDecisionsOf(tx, round.id, 'released');
    const reopened = await tx.update(roundDecisions).set({ releasedAt: null }).where(eq(roundDecisions.roundId, round.id)).returning({ id: roundDecisions.id });
    const withdrawn = await tx
      .delete(notifications)
      .where(and(eq(notifications.roundId, round.id), eq(notifications.status, 'pending'), inArray(notifications.kind, DECISION_KINDS)))
      .returning({ id: notifications.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decisions.reopen',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: actor.regionCode,
      detail: { reason, decisions: reopened.length, withdrawnNotifications: withdrawn.length },
      ip: actor.ip,
    });
    return { reopened: reopened.length, withdrawnNotifications: withdrawn.length };
  });
}
