import type { RankingResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { computeRanking } from './computeRanking.js';

/** GET ranking: only the round's organiser (404 for everyone else). */
export async function loadRanking(ctx: AppContext, actor: Actor, roundId: string): Promise<RankingResponse> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const { applications: _internal, ...ranking } = await computeRanking(ctx, round);
  return ranking;
}
