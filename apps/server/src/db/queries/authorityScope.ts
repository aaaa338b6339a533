import { and, eq, exists, isNotNull, like, or, sql, type SQL } from 'drizzle-orm';
import { regionPrefix, reviewLevelsOf, type Level, type RoundConfig } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, organisations, reviews, rounds } from '../schema/index.js';
import { notFound } from '../../errors.js';

export interface AuthorityActor extends Actor {
  role: 'authority';
  regionCode: string;
  level: Level;
}

/**
 * The one rule of what an authority sees in a round, as a SQL condition on `applications`:
 * submitted applications inside its region; at the round's lowest review level all of them, above
 * it only those the level below recommended, plus applicants registered at its own region code.
 * Everything an authority lists, opens, downloads or acts on goes through this condition.
 */
export function visibleToAuthority(actor: AuthorityActor, config: Pick<RoundConfig, 'reviewLevels'>): SQL {
  const levels = reviewLevelsOf(config);
  const index = levels.indexOf(actor.level);
  if (index < 0) return sql`false`;
  const prefix = regionPrefix(actor.regionCode);
  const inRegion = prefix ? like(applications.regionCode, `${prefix}%`) : sql`true`;
  const submitted = isNotNull(applications.currentNumber);
  if (index === 0) return and(inRegion, submitted)!;
  const below = levels[index - 1]!;
  const recommendedBelow = exists(
    sql`(select 1 from ${reviews} where ${reviews.applicationId} = ${applications.id} and ${reviews.level} = ${below} and ${reviews.recommended} = true)`,
  );
  return and(inRegion, submitted, or(recommendedBelow, eq(applications.regionCode, actor.regionCode)))!;
}

/** Narrows an actor to an authority with a region and level, or refuses. */
export function asAuthority(actor: Actor): AuthorityActor {
  if (actor.role !== 'authority' || !actor.regionCode || !actor.level) throw notFound('申报书');
  return actor as AuthorityActor;
}

/** Loads one application the authority may see (404 for anything else, foreign or missing alike). */
export async function loadApplicationForAuthority(ctx: Pick<AppContext, 'db'>, actor: Actor, id: string) {
  const authority = asAuthority(actor);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('申报书');
  const [head] = await ctx.db.select({ round: rounds }).from(applications).innerJoin(rounds, eq(rounds.id, applications.roundId)).where(eq(applications.id, id)).limit(1);
  if (!head) throw notFound('申报书');
  const rows = await ctx.db
    .select({ application: applications, organisation: organisations, round: rounds })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .where(and(eq(applications.id, id), visibleToAuthority(authority, head.round.config)))
    .limit(1);
  if (!rows[0]) throw notFound('申报书');
  return { ...rows[0], authority };
}
export type LoadedForAuthority = Awaited<ReturnType<typeof loadApplicationForAuthority>>;
