import type { EligibilityWarning, FormSpec } from './types.js';
import type { FormContext } from './context.js';
import { chineseDate, latestYear } from './context.js';
import { isIsoDate } from './fieldSchema.js';
import { computeIndicators } from './indicators.js';
import { allFields } from './specs.js';

export interface EligibilityContext extends FormContext {
  /** The organisation's registry date of establishment, used when a platform gives no start date. */
  establishedOn?: string | null;
  /** YYYY-MM-DD: the application date the conditions are judged at. */
  today: string;
}

/** The indicator line that holds the service revenue share, and the platform start-date field. */
const SERVICE_SHARE = 'serviceShare';
const PLATFORM_START = 'launchedOn';

/** Whole years from `from` to `to` (both YYYY-MM-DD). */
export function fullYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

function serviceShareWarning(spec: FormSpec, data: Record<string, unknown>, ctx: EligibilityContext): EligibilityWarning | null {
  const field = allFields(spec).find((f) => f.type === 'yearTable' && f.indicators?.some((i) => i.key === SERVICE_SHARE && i.computed));
  if (!field) return null;
  const share = computeIndicators(field, data[field.key])[SERVICE_SHARE]?.[String(latestYear(ctx))] ?? null;
  const min = ctx.round.minServiceShare;
  if (share === null || share >= min) return null;
  return { field: field.key, message: `最近一年服务收入占营业收入比重为 ${share.toFixed(2)}%，低于${min}%` };
}

function platformYearsWarning(spec: FormSpec, data: Record<string, unknown>, ctx: EligibilityContext): EligibilityWarning | null {
  const startField = allFields(spec).find((f) => f.key === PLATFORM_START);
  const own = data[PLATFORM_START];
  const start = typeof own === 'string' && isIsoDate(own) ? own : ctx.establishedOn && isIsoDate(ctx.establishedOn) ? ctx.establishedOn : null;
  if (!start || !isIsoDate(ctx.today)) return null;
  const min = ctx.round.minPlatformYears;
  if (fullYearsBetween(start, ctx.today) >= min) return null;
  const what = start === own ? '平台正式投入运营时间' : '运营主体成立日期';
  return {
    field: startField?.key ?? PLATFORM_START,
    message: `${what}为${chineseDate(start)}，截至${chineseDate(ctx.today)}运营时间不满${min}年`,
  };
}

/** Conditions the system can compute from the form and finds unmet; shown to applicants and reviewers. */
export function eligibilityWarnings(spec: FormSpec, data: Record<string, unknown>, ctx: EligibilityContext): EligibilityWarning[] {
  const checks =
    spec.category === 'enterprise' ? [serviceShareWarning(spec, data, ctx)] : spec.category === 'platform' ? [platformYearsWarning(spec, data, ctx)] : [];
  return checks.filter((w): w is EligibilityWarning => w !== null);
}
