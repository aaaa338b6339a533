import dayjs, { type Dayjs } from 'dayjs';
import {
  DEFAULT_FORM_VERSION,
  type Category,
  type Level,
  type OrganiserRoundView,
  type Quota,
  type RankMethod,
  type RoundConfig,
  type SameRegionRule,
  type UpdateRoundBody,
} from '@fw/shared';

/** Stage dates held by the form as days (the server stores YYYY-MM-DD). */
export const STAGE_DATE_KEYS = ['contactsDue', 'recommendationDue', 'reviewStartsOn', 'reviewEndsOn', 'inspectionEndsOn', 'noticeStartsOn', 'evaluationDue', 'evaluationExplanationDue'] as const;
type StageDateKey = (typeof STAGE_DATE_KEYS)[number];

export interface QuotaValues {
  category: Category;
  /** '' for the whole category. */
  subType: string;
  max: number;
  maxForTitled: number | null;
  /** '' when the rule caps every level. */
  level: Level | '';
}

export interface RoundFormValues {
  name: string;
  code: string;
  year: number;
  filling: [Dayjs, Dayjs];
  categories: Category[];
  modes: string[];
  sharedMode: string;
  formVersion: string;
  noViolationSince: Dayjs;
  minServiceShare: number;
  minPlatformYears: number;
  firstIndicatorYear: number;
  reviewLevels: Level[];
  paperCopies: number | null;
  titledRegions: string[];
  excludedRegions: string[];
  quotas: QuotaValues[];
  stages: Partial<Record<StageDateKey, Dayjs | null>> & { noticeDays?: number | null };
  review: { perApplication: number | null; maxPerExpert: number | null; sameRegionExcluded: SameRegionRule | null; rankBy: RankMethod | null };
}

const day = (s: string | undefined) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** Drops the keys whose value is undefined, so unset settings stay absent in the stored config. */
const compact = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

/** The settings form's values for a round. */
export function toFormValues(round: OrganiserRoundView): RoundFormValues {
  const c = round.config;
  const s = c.stages ?? {};
  return {
    name: round.name,
    code: round.code,
    year: round.year,
    filling: [dayjs(round.fillingOpensAt), dayjs(round.fillingClosesAt)],
    categories: [...c.categories],
    modes: [...c.modes],
    sharedMode: c.sharedMode,
    formVersion: c.formVersion ?? DEFAULT_FORM_VERSION,
    noViolationSince: dayjs(c.noViolationSince),
    minServiceShare: c.minServiceShare,
    minPlatformYears: c.minPlatformYears,
    firstIndicatorYear: c.indicatorYears[0]!,
    reviewLevels: [...c.reviewLevels],
    paperCopies: c.paperCopies ?? null,
    titledRegions: [...(c.titledRegions ?? [])],
    excludedRegions: [...(c.excludedRegions ?? [])],
    quotas: c.quotas.map((q) => ({ category: q.category, subType: q.subType ?? '', max: q.max, maxForTitled: q.maxForTitled ?? null, level: q.level ?? '' })),
    stages: { ...Object.fromEntries(STAGE_DATE_KEYS.map((k) => [k, day(s[k])])), noticeDays: s.noticeDays ?? null },
    review: {
      perApplication: c.review?.perApplication ?? null,
      maxPerExpert: c.review?.maxPerExpert ?? null,
      sameRegionExcluded: c.review?.sameRegionExcluded ?? null,
      rankBy: c.review?.rankBy ?? null,
    },
  };
}

/** The PATCH body: the form's settings over the stored config (keys the form does not show are kept). */
export function toUpdateBody(v: RoundFormValues, round: OrganiserRoundView): UpdateRoundBody {
  const c = round.config;
  const quotas: Quota[] = v.quotas.map((q) => compact({ category: q.category, subType: q.subType || undefined, max: q.max, maxForTitled: q.maxForTitled ?? undefined, level: q.level || undefined }) as Quota);
  const stages = compact({ ...Object.fromEntries(STAGE_DATE_KEYS.map((k) => [k, iso(v.stages[k])])), noticeDays: v.stages.noticeDays ?? undefined });
  const review = compact({
    ...c.review,
    perApplication: v.review.perApplication ?? undefined,
    maxPerExpert: v.review.maxPerExpert ?? undefined,
    sameRegionExcluded: v.review.sameRegionExcluded ?? undefined,
    rankBy: v.review.rankBy ?? undefined,
  });
  const config: RoundConfig = compact({
    ...c,
    categories: v.categories,
    modes: v.modes.map((m) => m.trim()).filter(Boolean),
    sharedMode: v.sharedMode,
    formVersion: v.formVersion as RoundConfig['formVersion'],
    noViolationSince: iso(v.noViolationSince)!,
    minServiceShare: v.minServiceShare,
    minPlatformYears: v.minPlatformYears,
    indicatorYears: [v.firstIndicatorYear, v.firstIndicatorYear + 1, v.firstIndicatorYear + 2],
    reviewLevels: v.reviewLevels,
    paperCopies: v.paperCopies ?? undefined,
    titledRegions: v.titledRegions,
    excludedRegions: v.excludedRegions.length ? v.excludedRegions : undefined,
    quotas,
    stages: Object.keys(stages).length ? stages : undefined,
    review: Object.keys(review).length ? review : undefined,
  }) as RoundConfig;
  return {
    name: v.name.trim(),
    code: v.code.trim().toUpperCase(),
    year: v.year,
    fillingOpensAt: v.filling[0].toISOString(),
    fillingClosesAt: v.filling[1].toISOString(),
    config,
  };
}

/** A server field path (config.quotas.0.max, fillingClosesAt) as the form's field name. */
export function formFieldName(path: string): (string | number)[] {
  if (path === 'fillingOpensAt' || path === 'fillingClosesAt') return ['filling'];
  const parts = path.replace(/^config\./, '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'indicatorYears') return ['firstIndicatorYear'];
  if (parts[0] === 'quotas' && parts.length === 2) return ['quotas', parts[1]!, 'category'];
  return parts;
}

/** Which tab of the settings page holds a field (to show the first error). */
export function tabOf(name: (string | number)[]): string {
  const head = String(name[0]);
  if (['categories', 'modes', 'sharedMode', 'formVersion', 'noViolationSince', 'minServiceShare', 'minPlatformYears', 'firstIndicatorYear'].includes(head)) return 'categories';
  if (['quotas', 'titledRegions', 'reviewLevels', 'excludedRegions'].includes(head)) return 'quotas';
  if (head === 'stages') return 'stages';
  if (head === 'review') return 'review';
  return 'basics';
}
