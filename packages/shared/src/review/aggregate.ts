/**
 * Aggregation of expert scores (评审结果汇总). Three scores per application are shown side by side:
 *
 * - mean: Σx / n over its reviews;
 * - trimmed mean: with at least `trimMinReviews` (5) reviews, the highest and the lowest score are
 *   dropped (one each) and the rest averaged; with fewer it equals the mean, and the note says so;
 * - normalised: each expert's scores are standardised, z = (x − μₑ) / σₑ, where μₑ and σₑ are the
 *   mean and population standard deviation of that expert's own totals in the given reviews, then
 *   mapped back to the score scale, x′ = M + S·z, with M the mean of all raw totals and S the mean
 *   of σₑ over the experts that could be standardised; x′ is clamped to [0, scaleMax] and averaged
 *   per application. This removes an expert's leniency (μₑ) and range (σₑ). An expert with fewer
 *   than `minExpertReviews` (3) reviews keeps raw scores (too few to estimate μₑ, σₑ); one who gave
 *   every application the same total (σₑ = 0) maps to M (no ranking information).
 *
 * Spread: the sample standard deviation s = √(Σ(x − mean)² / (n − 1)) (0 for one review) and n.
 * Outliers: a review is flagged when |x − m₋ᵢ| > k · max(s₋ᵢ, minSpread), m₋ᵢ and s₋ᵢ being the mean
 * and sample standard deviation of the *other* reviews of the application (k = 2, minSpread = 5
 * points, from 4 reviews on). Leaving the score out matters: measured against a standard deviation
 * that includes it, a single score can never lie more than (n − 1)/√n of them from the mean (1.79
 * for n = 5), so "more than 2 sd" would never fire. The floor keeps near-unanimous panels from
 * flagging a 1-point difference. An application whose s exceeds `highSpreadSd` (10) is flagged too.
 *
 * Ranking: per category and sub-type (their quotas are separate), by `rankBy` (default trimmed
 * mean) compared at display precision (2 decimals); ties go to the trimmed mean, the mean and the
 * normalised score (those not used first), then more reviews, then the smaller application id.
 * The normalisation covers exactly the reviews passed in: pass one round's reviews.
 */

export interface ScoredReview {
  applicationId: string;
  expertId: string;
  /** The score sheet's total (0–100). */
  total: number;
}

export interface ApplicationToRank {
  id: string;
  category: string;
  subType?: string | null;
}

export const RANK_METHODS = ['trimmedMean', 'mean', 'normalised'] as const;
export type RankMethod = (typeof RANK_METHODS)[number];
export const RANK_METHOD_LABELS: Record<RankMethod, string> = { trimmedMean: '去掉最高最低分后的平均分', mean: '平均分', normalised: '标准化分' };

export interface AggregateOptions {
  trimMinReviews?: number;
  minExpertReviews?: number;
  outlierK?: number;
  outlierMinSpread?: number;
  outlierMinReviews?: number;
  highSpreadSd?: number;
  rankBy?: RankMethod;
  scaleMax?: number;
}

export const AGGREGATE_DEFAULTS: Required<AggregateOptions> = {
  trimMinReviews: 5,
  minExpertReviews: 3,
  outlierK: 2,
  outlierMinSpread: 5,
  outlierMinReviews: 4,
  highSpreadSd: 10,
  rankBy: 'trimmedMean',
  scaleMax: 100,
};

export interface ReviewScore {
  expertId: string;
  total: number;
  /** null when the expert keeps raw scores (too few reviews). */
  z: number | null;
  normalised: number;
  outlier: boolean;
}

export interface Outlier {
  expertId: string;
  total: number;
  /** Why, in Chinese. */
  reason: string;
}

export interface ApplicationAggregate {
  applicationId: string;
  category: string;
  subType: string | null;
  count: number;
  mean: number | null;
  trimmedMean: number | null;
  trimmed: boolean;
  /** What the trimmed mean did, in Chinese. */
  trimNote: string;
  normalised: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  scores: ReviewScore[];
  outliers: Outlier[];
  /** The experts disagree widely (sd above `highSpreadSd`). */
  highSpread: boolean;
}

export interface ExpertStats {
  expertId: string;
  count: number;
  mean: number;
  /** Population standard deviation of the expert's totals. */
  sd: number;
  standardised: boolean;
}

export interface RankedEntry {
  rank: number;
  applicationId: string;
  score: number;
  /** Same score as the one above at display precision: the order comes from the tie-breaks. */
  tiedWithPrevious: boolean;
}

export interface RankedGroup {
  /** e.g. enterprise, platform:shared */
  key: string;
  category: string;
  subType: string | null;
  rankBy: RankMethod;
  entries: RankedEntry[];
  /** Applications without any review, not ranked. */
  unscored: string[];
}

export interface AggregateResult {
  applications: ApplicationAggregate[];
  experts: ExpertStats[];
  /** M and S of the normalisation. */
  scale: { mean: number; sd: number };
  rankings: RankedGroup[];
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sampleSd = (xs: readonly number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};
const populationSd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
};
const fmt = (x: number) => String(Math.round(x * 10) / 10);
/** Values compared as the organiser sees them. */
const atDisplay = (x: number) => Math.round(x * 100) / 100;

export const TIE_BREAK_NOTE = '得分相同时，依次比较去掉最高最低分后的平均分、平均分、标准化分、评审数量（多者在前）和申报书标识';

export function aggregate(applications: readonly ApplicationToRank[], reviews: readonly ScoredReview[], options: AggregateOptions = {}): AggregateResult {
  const o = { ...AGGREGATE_DEFAULTS, ...options };
  const known = new Set(applications.map((a) => a.id));
  const seen = new Set<string>();
  const valid = reviews.filter((r) => known.has(r.applicationId));
  for (const r of valid) {
    const key = `${r.applicationId}\u0000${r.expertId}`;
    if (seen.has(key)) throw new Error(`duplicate review of ${r.applicationId} by ${r.expertId}`);
    seen.add(key);
  }

  const experts = expertStats(valid, o.minExpertReviews);
  const byExpert = new Map(experts.map((e) => [e.expertId, e]));
  const standardisedSds = experts.filter((e) => e.standardised && e.sd > 0).map((e) => e.sd);
  const scale = {
    mean: valid.length ? mean(valid.map((r) => r.total)) : 0,
    sd: standardisedSds.length ? mean(standardisedSds) : 0,
  };

  const reviewsOf = new Map<string, ScoredReview[]>();
  for (const r of valid) pushTo(reviewsOf, r.applicationId, r);

  const aggregates = applications.map((application) => {
    const own = [...(reviewsOf.get(application.id) ?? [])].sort((a, b) => (a.expertId < b.expertId ? -1 : 1));
    const scores = own.map((r): ReviewScore => {
      const stats = byExpert.get(r.expertId)!;
      const z = !stats.standardised ? null : stats.sd > 0 ? (r.total - stats.mean) / stats.sd : 0;
      const normalised = z === null ? r.total : Math.min(o.scaleMax, Math.max(0, scale.mean + scale.sd * z));
      return { expertId: r.expertId, total: r.total, z, normalised, outlier: false };
    });
    return summarise(application, scores, o);
  });

  return { applications: aggregates, experts, scale, rankings: rank(aggregates, o.rankBy) };
}

function expertStats(reviews: readonly ScoredReview[], minReviews: number): ExpertStats[] {
  const totals = new Map<string, number[]>();
  for (const r of reviews) pushTo(totals, r.expertId, r.total);
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([expertId, xs]) => ({ expertId, count: xs.length, mean: mean(xs), sd: populationSd(xs), standardised: xs.length >= minReviews }));
}

function summarise(application: ApplicationToRank, scores: ReviewScore[], o: Required<AggregateOptions>): ApplicationAggregate {
  const base = { applicationId: application.id, category: application.category, subType: application.subType ?? null, count: scores.length };
  if (scores.length === 0) {
    return { ...base, mean: null, trimmedMean: null, trimmed: false, trimNote: '尚无评分', normalised: null, sd: null, min: null, max: null, scores, outliers: [], highSpread: false };
  }
  const totals = scores.map((s) => s.total);
  const sorted = [...totals].sort((a, b) => a - b);
  const trimmed = totals.length >= o.trimMinReviews;
  const sd = sampleSd(totals);
  const outliers = findOutliers(scores, o);
  return {
    ...base,
    mean: mean(totals),
    trimmedMean: trimmed ? mean(sorted.slice(1, -1)) : mean(totals),
    trimmed,
    trimNote: trimmed ? '去掉一个最高分和一个最低分' : `评审数少于${o.trimMinReviews}份，未去掉最高分和最低分（同平均分）`,
    normalised: mean(scores.map((s) => s.normalised)),
    sd,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    scores: scores.map((s) => ({ ...s, outlier: outliers.some((x) => x.expertId === s.expertId) })),
    outliers,
    highSpread: sd > o.highSpreadSd,
  };
}

function findOutliers(scores: readonly ReviewScore[], o: Required<AggregateOptions>): Outlier[] {
  if (scores.length < o.outlierMinReviews) return [];
  const outliers: Outlier[] = [];
  scores.forEach((score, i) => {
    const others = scores.filter((_, j) => j !== i).map((s) => s.total);
    const othersMean = mean(others);
    const threshold = o.outlierK * Math.max(sampleSd(others), o.outlierMinSpread);
    const distance = Math.abs(score.total - othersMean);
    if (distance <= threshold) return;
    outliers.push({
      expertId: score.expertId,
      total: score.total,
      reason: `该专家评分${fmt(score.total)}分，其他${others.length}位专家平均${fmt(othersMean)}分，相差${fmt(distance)}分，超过阈值${fmt(threshold)}分`,
    });
  });
  return outliers;
}

function groupKey(category: string, subType: string | null): string {
  return subType ? `${category}:${subType}` : category;
}

function rank(aggregates: readonly ApplicationAggregate[], rankBy: RankMethod): RankedGroup[] {
  const groups = new Map<string, ApplicationAggregate[]>();
  for (const a of aggregates) {
    const key = groupKey(a.category, a.subType);
    pushTo(groups, key, a);
  }
  const order: RankMethod[] = [rankBy, ...RANK_METHODS.filter((m) => m !== rankBy)];
  const compare = (x: ApplicationAggregate, y: ApplicationAggregate) => {
    for (const m of order) {
      const d = atDisplay(y[m]!) - atDisplay(x[m]!);
      if (d !== 0) return d;
    }
    return y.count - x.count || (x.applicationId < y.applicationId ? -1 : x.applicationId > y.applicationId ? 1 : 0);
  };
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, members]) => {
      const scored = members.filter((m) => m.count > 0).sort(compare);
      return {
        key,
        category: members[0]!.category,
        subType: members[0]!.subType,
        rankBy,
        entries: scored.map((m, i) => ({
          rank: i + 1,
          applicationId: m.applicationId,
          score: m[rankBy]!,
          tiedWithPrevious: i > 0 && atDisplay(scored[i - 1]![rankBy]!) === atDisplay(m[rankBy]!),
        })),
        unscored: members.filter((m) => m.count === 0).map((m) => m.applicationId).sort(),
      };
    });
}
