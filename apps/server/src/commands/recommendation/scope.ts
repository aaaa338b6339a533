import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { reviewLevelsOf, type RoundConfig } from '@fw/shared';
import type { AppContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { applications, organisations, regionClosures, reviews, rounds } from '../../db/schema/index.js';
import { visibleToAuthority, type AuthorityActor } from '../../db/queries/authorityScope.js';
import { AppError, notFound } from '../../errors.js';
import { roundConcerns } from '../review/loadRound.js';

export type RoundRow = typeof rounds.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;

export const NOT_CLOSED_MESSAGE = '请先截止本地区申报';

/** A round the authority reviews in (404 for a malformed or unknown id, or a round not concerning it). */
export async function loadRound(ctx: Pick<AppContext, 'db'>, actor: AuthorityActor, roundId: string): Promise<RoundRow> {
  if (!/^[0-9a-f-]{36}$/i.test(roundId)) throw notFound('遴选批次');
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, roundId)).limit(1);
  if (!round || !roundConcerns(round, actor)) throw notFound('遴选批次');
  return round;
}

/** Only levels below the round's top review level pass applications on by recommending. */
export function assertRecommendingLevel(actor: AuthorityActor, config: Pick<RoundConfig, 'reviewLevels'>): void {
  const levels = reviewLevelsOf(config);
  const index = levels.indexOf(actor.level);
  if (index < 0 || index >= levels.length - 1) throw new AppError('CONFLICT', '本级为本批次最终评审层级，无需推荐');
}

/** The levels above the actor's in the round (those its recommendations feed). */
export function levelsAbove(actor: AuthorityActor, config: Pick<RoundConfig, 'reviewLevels'>): string[] {
  const levels = reviewLevelsOf(config);
  return levels.slice(levels.indexOf(actor.level) + 1);
}

/**
 * Locks the reviewer's own closure row of the round (not undone) for the rest of the transaction.
 * Every recommend, un-recommend and re-ranking of one (round, region) takes this same lock, so
 * the quota count and the ranks read after it are the committed truth; null when not closed.
 */
export async function lockOwnClosure(tx: Tx, roundId: string, regionCode: string) {
  const [row] = await tx
    .select({ id: regionClosures.id })
    .from(regionClosures)
    .where(and(eq(regionClosures.roundId, roundId), eq(regionClosures.regionCode, regionCode), isNull(regionClosures.undoneAt)))
    .for('update');
  return row ?? null;
}

/** Applications of the same category and sub-type (ranks are counted within that kind). */
export function sameKind(category: string, subType: string | null): SQL {
  return and(eq(applications.category, category), sql`${applications.subType} is not distinct from ${subType}`)!;
}

export interface VisibleApplication {
  id: string;
  organisationName: string;
  category: string;
  subType: string | null;
  regionCode: string;
}

/** Those of `ids` the authority may see in the round (everything else is "not found"). */
export async function visibleApplications(db: DbOrTx, actor: AuthorityActor, round: RoundRow, ids: string[]): Promise<VisibleApplication[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: applications.id, organisationName: organisations.name, category: applications.category, subType: applications.subType, regionCode: applications.regionCode })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(inArray(applications.id, ids), eq(applications.roundId, round.id), visibleToAuthority(actor, round.config)));
  return rows.map((r) => ({ ...r, organisationName: r.organisationName ?? '' }));
}

/** This reviewer's review rows of the applications, by application id. */
export async function reviewsOf(db: DbOrTx, reviewerRegion: string, applicationIds: string[]): Promise<Map<string, ReviewRow>> {
  if (!applicationIds.length) return new Map();
  const rows = await db.select().from(reviews).where(and(eq(reviews.reviewerRegion, reviewerRegion), inArray(reviews.applicationId, applicationIds)));
  return new Map(rows.map((r) => [r.applicationId, r]));
}

/** Ids of the applications a level above has already recommended (they can no longer be withdrawn). */
export async function recommendedAbove(db: DbOrTx, actor: AuthorityActor, round: RoundRow, applicationIds: string[]): Promise<Set<string>> {
  const above = levelsAbove(actor, round.config);
  if (!above.length || !applicationIds.length) return new Set();
  const rows = await db
    .select({ id: reviews.applicationId })
    .from(reviews)
    .where(and(inArray(reviews.applicationId, applicationIds), inArray(reviews.level, above), eq(reviews.recommended, true)));
  return new Set(rows.map((r) => r.id));
}

/** The reviewer's recommended applications of one kind, in rank order. */
export async function recommendedOfKind(db: DbOrTx, roundId: string, reviewerRegion: string, category: string, subType: string | null) {
  return db
    .select({ applicationId: reviews.applicationId, rank: reviews.rank })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(and(eq(reviews.roundId, roundId), eq(reviews.reviewerRegion, reviewerRegion), eq(reviews.recommended, true), sameKind(category, subType)))
    .orderBy(asc(reviews.rank), asc(reviews.recommendedAt));
}

/** Writes ranks 1..n in the given order (closes gaps after an un-recommend; applies a new order). */
export async function writeRanks(tx: Tx, reviewerRegion: string, orderedApplicationIds: string[], now: Date): Promise<void> {
  for (const [i, id] of orderedApplicationIds.entries()) {
    await tx
      .update(reviews)
      .set({ rank: i + 1, updatedAt: now })
      .where(and(eq(reviews.applicationId, id), eq(reviews.reviewerRegion, reviewerRegion), sql`${reviews.rank} is distinct from ${i + 1}`));
  }
}
