import { and, count, eq } from 'drizzle-orm';
import { categoryTitle, levelOf, type Category, type Level, type Quota, type RoundConfig } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications, reviews } from '../../db/schema/index.js';

export interface QuotaUsage {
  category: Category;
  /** null: the quota covers every sub-type of the category. */
  subType: string | null;
  max: number;
  used: number;
}

/**
 * Whether a rule caps the recommendations made at a level: a rule naming a level caps only that one
 * (national: the provinces' recommendations to the ministry, not the cities' to their province); a
 * rule without a level caps every recommending level.
 */
export function quotaAppliesAt(rule: Quota, level: Level): boolean {
  return !rule.level || rule.level === level;
}

/**
 * The quota rule for an application kind recommended at `level`: the one naming its sub-type, else the
 * one for the whole category; null means no cap (the round sets no quota for it at that level).
 */
export function quotaRuleFor(config: Pick<RoundConfig, 'quotas'>, category: string, subType: string | null, level: Level): Quota | null {
  const ofCategory = config.quotas.filter((q) => q.category === category && quotaAppliesAt(q, level));
  return ofCategory.find((q) => q.subType && q.subType === subType) ?? ofCategory.find((q) => !q.subType) ?? null;
}

/** The cap for a reviewer region: `maxForTitled` for regions holding the title (Guangdong rule). */
export function quotaMax(config: Pick<RoundConfig, 'titledRegions'>, rule: Quota, reviewerRegion: string): number {
  const titled = (config.titledRegions ?? []).includes(reviewerRegion);
  return titled && rule.maxForTitled !== undefined ? rule.maxForTitled : rule.max;
}

/** e.g. 示范平台（共享制造类） for a sub-type rule, 示范企业 for a category rule. */
export function quotaLabel(rule: Quota): string {
  return categoryTitle(rule.category, rule.subType ?? null);
}

/** The message of a refused recommendation, also shown in bulk previews. */
export function quotaFullMessage(rule: Quota, max: number): string {
  return `推荐名额已满：${quotaLabel(rule)}最多推荐${max}个`;
}

/** Recommended counts of a reviewer in a round, by category and sub-type. */
async function recommendedCounts(db: DbOrTx, roundId: string, reviewerRegion: string) {
  return db
    .select({ category: applications.category, subType: applications.subType, n: count() })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(and(eq(reviews.roundId, roundId), eq(reviews.reviewerRegion, reviewerRegion), eq(reviews.recommended, true)))
    .groupBy(applications.category, applications.subType);
}

function usedBy(rows: { category: string; subType: string | null; n: number }[], rule: Quota): number {
  return rows.filter((r) => r.category === rule.category && (!rule.subType || r.subType === rule.subType)).reduce((s, r) => s + Number(r.n), 0);
}

/** How many of a rule's places the reviewer has used (inside a transaction: after taking the closure lock). */
export async function usedForRule(db: DbOrTx, roundId: string, reviewerRegion: string, rule: Quota): Promise<number> {
  return usedBy(await recommendedCounts(db, roundId, reviewerRegion), rule);
}

/** Every quota of the round that caps the reviewer region's level, with the places it has used (GET /rounds shows them). */
export async function quotaUsage(db: DbOrTx, round: { id: string; config: RoundConfig }, reviewerRegion: string): Promise<QuotaUsage[]> {
  const rows = await recommendedCounts(db, round.id, reviewerRegion);
  const level = levelOf(reviewerRegion);
  return round.config.quotas.filter((rule) => quotaAppliesAt(rule, level)).map((rule) => ({
    category: rule.category,
    subType: rule.subType ?? null,
    max: quotaMax(round.config, rule, reviewerRegion),
    used: usedBy(rows, rule),
  }));
}
