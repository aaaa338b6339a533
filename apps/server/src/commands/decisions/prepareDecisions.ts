import { and, eq } from 'drizzle-orm';
import type { PrepareDecisionsBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { roundDecisions } from '../../db/schema/index.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { recordAudit } from '../../services/audit.js';
import { loadDecisionState } from './loadDecisionState.js';
import { lockDecisionsOf } from './lockRound.js';

/**
 * Prepares the whole list from the ranking: in each group the first `topN[key]` ranked applications are
 * selected (with their rank), every other application (unscored included) not selected. Replaces the
 * earlier unreleased draft; manual edits come after.
 */
export async function prepareDecisions(ctx: AppContext, actor: Actor, roundId: string, body: PrepareDecisionsBody) {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  return ctx.db.transaction(async (tx) => {
    await lockDecisionsOf(tx, round.id, 'unreleased');
    const { ranking } = await loadDecisionState(ctx, round, tx);
    const now = ctx.now();
    const values = ranking.groups.flatMap((g) => {
      const n = body.topN[g.key] ?? 0;
      return g.rows.map((r) => {
        const selected = r.rank !== null && r.rank <= n;
        return {
          roundId: round.id,
          applicationId: r.applicationId,
          decision: selected ? 'selected' : 'not_selected',
          rank: selected ? r.rank : null,
          note: body.note ?? null,
          preparedBy: actor.id,
          preparedAt: now,
        };
      });
    });
    await tx.delete(roundDecisions).where(and(eq(roundDecisions.roundId, round.id)));
    if (values.length) await tx.insert(roundDecisions).values(values);
    const selected = values.filter((v) => v.decision === 'selected').length;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decisions.prepare',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: actor.regionCode,
      detail: { topN: body.topN, selected, notSelected: values.length - selected },
      ip: actor.ip,
    });
    return { selected, notSelected: values.length - selected };
  });
}
