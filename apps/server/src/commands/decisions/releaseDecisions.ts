import { and, eq, isNull } from 'drizzle-orm';
import type { DecisionLimits } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { roundDecisions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { recordAudit } from '../../services/audit.js';
import { notify } from '../notifications/notify.js';
import { buildPreview } from './buildPreview.js';
import { decisionNotice } from './decisionNotice.js';
import { loadDecisionState } from './loadDecisionState.js';
import { lockDecisionsOf } from './lockRound.js';

/**
 * Releases every decision of the round at once (one releasedAt), after the same checks as the preview,
 * and prepares one pending notification per applicant for the organiser to inspect in the outbox.
 * A second release is refused until the decisions are reopened.
 */
export async function releaseDecisions(ctx: AppContext, actor: Actor, roundId: string, limits: DecisionLimits) {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  return ctx.db.transaction(async (tx) => {
    await lockDecisionsOf(tx, round.id, 'unreleased');
    const { ranking, decisions } = await loadDecisionState(ctx, round, tx);
    const preview = buildPreview(ranking.groups, decisions.map((d) => ({ applicationId: d.applicationId, decision: d.decision as 'selected' | 'not_selected' })), limits);
    if (!preview.canRelease) throw new AppError('STATUS_CONFLICT', `不能发布：${preview.errors.join('；')}`, undefined, { errors: preview.errors });
    const now = ctx.now();
    const released = await tx
      .update(roundDecisions)
      .set({ releasedAt: now })
      .where(and(eq(roundDecisions.roundId, round.id), isNull(roundDecisions.releasedAt)))
      .returning({ applicationId: roundDecisions.applicationId, decision: roundDecisions.decision });
    const apps = new Map(ranking.applications.map((a) => [a.id, a]));
    let notifications = 0;
    for (const d of released) {
      const app = apps.get(d.applicationId);
      if (!app) continue;
      const notice = decisionNotice({ roundName: round.name, organisationName: app.name, category: app.category, subType: app.subType, decision: d.decision as 'selected' | 'not_selected' });
      await notify(tx, { userId: app.userId, roundId: round.id, kind: notice.kind, title: notice.title, body: notice.body, channels: ['sms', 'email'] });
      notifications += 1;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decisions.release',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: actor.regionCode,
      detail: { selected: preview.totalSelected, notSelected: preview.totalNotSelected, limits, warnings: preview.warnings.length, notifications },
      ip: actor.ip,
    });
    return { released: released.length, notifications, releasedAt: now.toISOString() };
  });
}
