import { eq } from 'drizzle-orm';
import { regionContains, reviewLevelsOf } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { rounds } from '../../db/schema/index.js';
import { asAuthority } from '../../db/queries/authorityScope.js';
import { notFound } from '../../errors.js';

export type RoundRow = typeof rounds.$inferSelect;

/** Whether the round concerns the authority: its level reviews in it and it lies inside the organiser's territory. */
export function roundConcerns(round: RoundRow, actor: { regionCode: string; level: string }): boolean {
  return round.status !== 'draft' && (reviewLevelsOf(round.config) as string[]).includes(actor.level) && regionContains(round.organiserRegion, actor.regionCode);
}

/** One round the authority reviews in; 404 otherwise. */
export async function loadRoundForAuthority(ctx: Pick<AppContext, 'db'>, actor: Actor, roundId: string) {
  const authority = asAuthority(actor);
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, roundId)).limit(1);
  if (!round || !roundConcerns(round, authority)) throw notFound('遴选批次');
  return { round, authority };
}
