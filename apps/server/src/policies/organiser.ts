import { and, eq, exists, isNotNull, like, sql, type SQL } from 'drizzle-orm';
import { regionPrefix, reviewLevelsOf } from '@fw/shared';
import type { Actor, AppContext } from '../context.js';
import { applications, reviews, rounds } from '../db/schema/index.js';
import { notFound } from '../errors.js';

export type RoundRow = typeof rounds.$inferSelect;

/**
 * The organiser of a round (主办方) is the authority of the round's organiser region (the ministry for a
 * national round, a province or a city for theirs). Only it runs expert review, site inspections, the
 * public notice and publication. Administrators of the platform may act for any organiser.
 */
export function isOrganiserOf(actor: Actor, round: Pick<RoundRow, 'organiserRegion'>): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'authority' && actor.regionCode === round.organiserRegion;
}

/** One round the actor organises; 404 for every other caller, so a round's existence does not leak. */
export async function loadRoundForOrganiser(ctx: Pick<AppContext, 'db'>, actor: Actor, roundId: string): Promise<RoundRow> {
  if (!/^[0-9a-f-]{36}$/i.test(roundId)) throw notFound('遴选批次');
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, roundId)).limit(1);
  if (!round || !isOrganiserOf(actor, round)) throw notFound('遴选批次');
  return round;
}

/**
 * The applications that reached the organiser (SQL condition on `applications`): submitted, inside the
 * organiser's territory, and recommended by the review level just below the organiser's. These are the
 * ones expert review, inspections and the decision work on.
 */
export function reachedOrganiser(round: Pick<RoundRow, 'id' | 'organiserRegion' | 'config'>): SQL {
  const levels = reviewLevelsOf(round.config);
  const prefix = regionPrefix(round.organiserRegion);
  const inRound = and(eq(applications.roundId, round.id), isNotNull(applications.currentNumber), prefix ? like(applications.regionCode, `${prefix}%`) : sql`true`)!;
  // The organiser's own level is the last review level; the one before it recommends to the organiser.
  const below = levels.length >= 2 ? levels[levels.length - 2]! : null;
  if (!below) return inRound;
  const recommended = exists(
    sql`(select 1 from ${reviews} where ${reviews.applicationId} = ${applications.id} and ${reviews.level} = ${below} and ${reviews.recommended} = true)`,
  );
  return and(inRound, recommended)!;
}
