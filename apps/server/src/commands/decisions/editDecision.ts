import type { EditDecisionBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { roundDecisions } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { recordAudit } from '../../services/audit.js';
import { loadDecisionState } from './loadDecisionState.js';
import { lockDecisionsOf } from './lockRound.js';

/** One manual change of the draft (an application moved in or out, its rank or note). */
export async function editDecision(ctx: AppContext, actor: Actor, roundId: string, applicationId: string, body: EditDecisionBody) {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  return ctx.db.transaction(async (tx) => {
    await lockDecisionsOf(tx, round.id, 'unreleased');
    const { ranking, decisions } = await loadDecisionState(ctx, round, tx);
    // Only applications that reached the organiser can be decided on.
    const row = ranking.groups.flatMap((g) => g.rows).find((r) => r.applicationId === applicationId);
    if (!row) throw notFound('申报');
    const before = decisions.find((d) => d.applicationId === applicationId) ?? null;
    const rank = body.decision === 'selected' ? (body.rank ?? before?.rank ?? row.rank) : null;
    const values = { decision: body.decision, rank, note: body.note ?? null, preparedBy: actor.id, preparedAt: ctx.now() };
    await tx
      .insert(roundDecisions)
      .values({ roundId: round.id, applicationId, ...values })
      .onConflictDoUpdate({ target: [roundDecisions.roundId, roundDecisions.applicationId], set: values });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decisions.edit',
      subjectType: 'application',
      subjectId: applicationId,
      regionCode: actor.regionCode,
      detail: { roundId: round.id, from: before?.decision ?? null, to: body.decision, rank, note: body.note ?? null },
      ip: actor.ip,
    });
    return { applicationId, decision: body.decision, rank };
  });
}
