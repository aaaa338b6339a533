import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { visibleToAuthority, type AuthorityActor } from '../../db/queries/authorityScope.js';
import { applications } from '../../db/schema/index.js';
import { isOrganiserOf } from '../../policies/organiser.js';
import { loadRoundForAuthority, type RoundRow } from '../review/loadRound.js';

/** What every figure of one round's dashboard is computed within. */
export interface DashboardScope {
  round: RoundRow;
  authority: AuthorityActor;
  organiser: boolean;
  /** The round's applications the authority sees: the same rule as its application list. */
  visible: SQL;
}

/** The round, if it concerns the authority (404 otherwise), and the scope of its figures. */
export async function loadDashboardScope(ctx: Pick<AppContext, 'db'>, actor: Actor, roundId: string): Promise<DashboardScope> {
  const { round, authority } = await loadRoundForAuthority(ctx, actor, roundId);
  return {
    round,
    authority,
    organiser: isOrganiserOf(actor, round),
    visible: and(eq(applications.roundId, round.id), visibleToAuthority(authority, round.config))!,
  };
}
