import { z } from 'zod';
import { CATEGORIES } from '../categories.js';
import { RANK_METHODS } from '../review/aggregate.js';

/**
 * Contracts of the organiser's ranking (评审结果汇总): three scores side by side per application, the
 * spread and outliers, review progress, and per-expert statistics.
 */

export const rankingOutlier = z.object({ expertId: z.string(), expertName: z.string(), total: z.number(), reason: z.string() });

export const rankingRow = z.object({
  /** null: not ranked (no submitted score sheet yet). */
  rank: z.number().nullable(),
  tiedWithPrevious: z.boolean(),
  applicationId: z.string(),
  number: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** Submitted score sheets counted. */
  count: z.number(),
  /** Review progress: experts assigned (not declined or withdrawn) and sheets submitted. */
  assigned: z.number(),
  submitted: z.number(),
  mean: z.number().nullable(),
  trimmedMean: z.number().nullable(),
  trimmed: z.boolean(),
  trimNote: z.string(),
  normalised: z.number().nullable(),
  sd: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  outliers: z.array(rankingOutlier),
  highSpread: z.boolean(),
});
export type RankingRow = z.infer<typeof rankingRow>;

export const rankingGroup = z.object({
  /** enterprise, platform:shared … (a quota of its own). */
  key: z.string(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  /** 示范企业, 示范平台（共享制造类）… */
  title: z.string(),
  rows: z.array(rankingRow),
});
export type RankingGroup = z.infer<typeof rankingGroup>;

export const rankingExpert = z.object({
  expertId: z.string(),
  name: z.string(),
  count: z.number(),
  mean: z.number(),
  sd: z.number(),
  /** Enough reviews to standardise this expert's scores. */
  standardised: z.boolean(),
});
export type RankingExpert = z.infer<typeof rankingExpert>;

export const rankingResponse = z.object({
  round: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  rankBy: z.enum(RANK_METHODS),
  highSpreadSd: z.number(),
  tieBreakNote: z.string(),
  scale: z.object({ mean: z.number(), sd: z.number() }),
  groups: z.array(rankingGroup),
  experts: z.array(rankingExpert),
});
export type RankingResponse = z.infer<typeof rankingResponse>;
