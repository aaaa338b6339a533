import { z } from 'zod';
import { CATEGORIES } from './categories.js';
import { reviewSettingsSchema } from './review/settings.js';
import { FORM_VERSIONS } from './forms/versions.js';
import { regionContains } from './rules/regions.js';

/** A quota rule: at most `max` recommendations of a category (and optional sub-type) per region. */
export const quotaSchema = z.object({
  category: z.enum(CATEGORIES),
  subType: z.string().optional(),
  max: z.number().int().min(0),
  /** Optional larger quota for regions holding a title (Guangdong: demonstration cities). */
  maxForTitled: z.number().int().min(0).optional(),
  /**
   * The authority level whose recommendations the notice caps (national: province; Guangdong and
   * Dalian: city). Absent: the rule applies at every recommending level.
   */
  level: z.enum(['district', 'city', 'province', 'ministry']).optional(),
});

/** YYYY-MM-DD */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

/** Dates the notice sets after filling (Beijing dates), and the public notice period. */
export const roundStagesSchema = z.object({
  /** Authorities name their contact person by (联系人反馈). */
  contactsDue: isoDate.optional(),
  /** Recommendations, summary table and application books reach the organiser by (报送截止). */
  recommendationDue: isoDate.optional(),
  /** Earlier demonstration units fill their annual evaluation by (评估评价填报). */
  evaluationDue: isoDate.optional(),
  /** Units that cannot fill online send a written explanation by. */
  evaluationExplanationDue: isoDate.optional(),
  /** Days the selected list is publicly noticed (公示期). */
  noticeDays: z.number().int().min(1).max(60).optional(),
  /** Expert review (专家评审) runs from … to …. */
  reviewStartsOn: isoDate.optional(),
  reviewEndsOn: isoDate.optional(),
  /** Site inspections (现场考察) end by. */
  inspectionEndsOn: isoDate.optional(),
  /** The public notice (公示) starts on (it lasts `noticeDays`). */
  noticeStartsOn: isoDate.optional(),
});

/** Everything that differs between rounds. */
export const roundConfigSchema = z.object({
  categories: z.array(z.enum(CATEGORIES)).min(1),
  modes: z.array(z.string()).min(1),
  /** Modes a platform/project of the shared kind must use. */
  sharedMode: z.string().default('共享制造'),
  /** The earliest date since which applicants must have had no major accident (eligibility). */
  noViolationSince: z.string(),
  /** Service revenue share an enterprise should reach, in percent. */
  minServiceShare: z.number().default(30),
  /** Years a platform must have been operating. */
  minPlatformYears: z.number().default(2),
  /** The three indicator years of the form, oldest first. */
  indicatorYears: z.array(z.number().int()).length(3),
  /** Grace after the deadline, in minutes, for a submit whose upload began before it. */
  submitGraceMinutes: z.number().int().min(0).default(15),
  quotas: z.array(quotaSchema),
  /**
   * The authority levels that review and recommend, lowest first: the lowest sees its region's
   * applicants; each higher level sees what the level below recommended (plus applicants registered
   * directly at its own region code). National round: provinces recommend to the ministry.
   */
  reviewLevels: z.array(z.enum(['district', 'city', 'province', 'ministry'])).min(1).default(['city', 'province', 'ministry']),
  /** Regions holding a title that raises their quota (Guangdong: national demonstration cities). */
  titledRegions: z.array(z.string().regex(/^\d{6}$/)).default([]),
  /** Narrative length limits (characters). */
  narrativeMaxChars: z.record(z.string(), z.number()).optional(),
  /** Regions inside the organiser's territory that do not take part (Guangdong: Shenzhen reports to the ministry itself). */
  excludedRegions: z.array(z.string().regex(/^\d{6}$/)).optional(),
  /** Paper copies of each application book (national 1, Guangdong 2, Dalian 3). */
  paperCopies: z.number().int().min(1).max(10).optional(),
  stages: roundStagesSchema.optional(),
  /** Expert review: assignment, conflicts of interest, rubrics, aggregation (defaults: reviewSettingsOf). */
  review: reviewSettingsSchema.optional(),
  /**
   * The application form version (forms/versions.ts; absent: v1). Locked once an application was
   * started, so a round's applications keep the form they were filled with.
   */
  formVersion: z.enum(FORM_VERSIONS, { error: '申报书版本不存在' }).optional(),
});
export type RoundConfig = z.infer<typeof roundConfigSchema>;
export type Quota = z.infer<typeof quotaSchema>;

/** 3rd national round (工信厅政法函〔2021〕43号), as in seed 001. */
export const THIRD_NATIONAL_ROUND: RoundConfig = {
  categories: ['enterprise', 'platform', 'project', 'city'],
  modes: ['定制化服务', '供应链管理', '检验检测认证服务', '全生命周期管理', '总集成总承包', '节能环保服务', '生产性金融服务', '共享制造', '其他创新模式'],
  sharedMode: '共享制造',
  noViolationSince: '2019-01-01',
  minServiceShare: 30,
  minPlatformYears: 2,
  indicatorYears: [2018, 2019, 2020],
  submitGraceMinutes: 15,
  quotas: [
    { category: 'enterprise', max: 6 },
    { category: 'platform', subType: 'shared', max: 1 },
    { category: 'platform', subType: 'other', max: 3 },
    { category: 'project', max: 3 },
    { category: 'city', subType: 'design', max: 1 },
    { category: 'city', subType: 'general', max: 1 },
  ],
  narrativeMaxChars: { enterprise: 5000, platform: 5000, project: 5000, city: 10000, district: 10000 },
  reviewLevels: ['city', 'province', 'ministry'],
  titledRegions: [],
};

/** The review levels of a round (rounds stored before the setting existed use the national default). */
export function reviewLevelsOf(config: Pick<RoundConfig, 'reviewLevels'> | { reviewLevels?: RoundConfig['reviewLevels'] }): RoundConfig['reviewLevels'] {
  return config.reviewLevels?.length ? config.reviewLevels : ['city', 'province', 'ministry'];
}

/**
 * Whether an applicant registered in `regionCode` may apply in a round: inside the organiser's
 * territory and not in a region the round leaves out (Guangdong's round: Shenzhen and its districts).
 */
export function roundAcceptsRegion(round: { organiserRegion: string; config: Pick<RoundConfig, 'excludedRegions'> }, regionCode: string): boolean {
  if (!regionContains(round.organiserRegion, regionCode)) return false;
  return !(round.config.excludedRegions ?? []).some((excluded) => regionContains(excluded, regionCode));
}
