import { z } from 'zod';
import { CATEGORIES, type Category } from '../categories.js';
import { AGGREGATE_DEFAULTS, RANK_METHODS, type AggregateOptions } from './aggregate.js';
import { SAME_REGION_RULES, type SameRegionRule } from './conflicts.js';
import { DEFAULT_RUBRICS, rubricSchema, type Rubric } from './rubric.js';

/**
 * A round's expert-review settings (RoundConfig.review). Every field is optional so that rounds
 * stored before review existed stay valid; `reviewSettingsOf` fills in the defaults.
 */
export const reviewSettingsSchema = z.object({
  /** Experts per application. */
  perApplication: z.number().int().min(1).max(50).optional(),
  /** Applications per expert at most. */
  maxPerExpert: z.number().int().min(1).max(10000).optional(),
  /** Exclude experts from the applicant's own province / city / district. */
  sameRegionExcluded: z.enum(SAME_REGION_RULES).optional(),
  /** Rubrics that replace the defaults, per category. */
  rubrics: z
    .partialRecord(z.enum(CATEGORIES), rubricSchema)
    .superRefine((rubrics, ctx) => {
      for (const [key, rubric] of Object.entries(rubrics)) {
        if (rubric && rubric.category !== key) ctx.addIssue({ code: 'custom', path: [key], message: '评分标准的类别与所属类别不一致' });
      }
    })
    .optional(),
  /** The score the ranking uses. */
  rankBy: z.enum(RANK_METHODS).optional(),
  /** Reviews needed before the highest and lowest are dropped. */
  trimMinReviews: z.number().int().min(3).max(50).optional(),
  /** Outlier rule: |x − mean of the others| > outlierK × max(sd of the others, outlierMinSpread). */
  outlierK: z.number().positive().optional(),
  outlierMinSpread: z.number().min(0).optional(),
  /** An application's sd above this is flagged as disagreement. */
  highSpreadSd: z.number().positive().optional(),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const REVIEW_DEFAULTS = {
  perApplication: 5,
  maxPerExpert: 50,
  sameRegionExcluded: 'none' as SameRegionRule,
};

export interface ResolvedReviewSettings {
  perApplication: number;
  maxPerExpert: number;
  sameRegionExcluded: SameRegionRule;
  rubrics: Record<Category, Rubric>;
  aggregate: Required<AggregateOptions>;
}

/** The review settings of a round with every default filled in. */
export function reviewSettingsOf(config: { review?: ReviewSettings }): ResolvedReviewSettings {
  const r = config.review ?? {};
  const pick = <K extends keyof AggregateOptions>(key: K) => (r as AggregateOptions)[key] ?? AGGREGATE_DEFAULTS[key];
  return {
    perApplication: r.perApplication ?? REVIEW_DEFAULTS.perApplication,
    maxPerExpert: r.maxPerExpert ?? REVIEW_DEFAULTS.maxPerExpert,
    sameRegionExcluded: r.sameRegionExcluded ?? REVIEW_DEFAULTS.sameRegionExcluded,
    rubrics: { ...DEFAULT_RUBRICS, ...r.rubrics },
    aggregate: {
      ...AGGREGATE_DEFAULTS,
      rankBy: pick('rankBy'),
      trimMinReviews: pick('trimMinReviews'),
      outlierK: pick('outlierK'),
      outlierMinSpread: pick('outlierMinSpread'),
      highSpreadSd: pick('highSpreadSd'),
    },
  };
}
