import type { DecisionsResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { loadDecisionState } from './loadDecisionState.js';

/** The prepared (or released) decisions of the round, in ranking order per group. */
export async function loadDecisions(ctx: AppContext, actor: Actor, roundId: string): Promise<DecisionsResponse> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const { ranking, decisions, releasedAt } = await loadDecisionState(ctx, round);
  const byApp = new Map(decisions.map((d) => [d.applicationId, d]));
  const rows = ranking.groups.flatMap((g) =>
    g.rows.flatMap((r) => {
      const d = byApp.get(r.applicationId);
      if (!d) return [];
      return [{
        applicationId: r.applicationId,
        number: r.number,
        name: r.name,
        regionName: r.regionName,
        category: g.category,
        subType: g.subType,
        groupKey: g.key,
        decision: d.decision as 'selected' | 'not_selected',
        rank: d.rank,
        note: d.note,
        releasedAt: d.releasedAt?.toISOString() ?? null,
      }];
    }),
  );
  return { released: releasedAt !== null, releasedAt: releasedAt?.toISOString() ?? null, rows };
}
