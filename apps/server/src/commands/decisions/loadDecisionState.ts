import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { roundDecisions } from '../../db/schema/index.js';
import type { RoundRow } from '../../policies/organiser.js';
import { computeRanking } from '../ranking/computeRanking.js';

export type DecisionRowDb = typeof roundDecisions.$inferSelect;

/** The ranking and the round's decisions, read together (inside a transaction when one is passed). */
export async function loadDecisionState(ctx: Pick<AppContext, 'db'>, round: RoundRow, tx?: DbOrTx) {
  const db = tx ?? ctx.db;
  const ranking = await computeRanking({ db }, round);
  const decisions = await db.select().from(roundDecisions).where(eq(roundDecisions.roundId, round.id));
  const releasedAt = decisions.find((d) => d.releasedAt)?.releasedAt ?? null;
  return { ranking, decisions, releasedAt };
}
