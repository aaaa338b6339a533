import type { DecisionLimits, DecisionPreview } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { buildPreview } from './buildPreview.js';
import { loadDecisionState } from './loadDecisionState.js';

/** Counts, names and the limit check of what a release would publish to the applicants. */
export async function previewDecisions(ctx: AppContext, actor: Actor, roundId: string, limits: DecisionLimits): Promise<DecisionPreview> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const { ranking, decisions } = await loadDecisionState(ctx, round);
  return buildPreview(ranking.groups, decisions.map((d) => ({ applicationId: d.applicationId, decision: d.decision as 'selected' | 'not_selected' })), limits);
}
