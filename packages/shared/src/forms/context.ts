import type { RoundConfig } from '../round.js';

/** What validation needs besides the spec: the application's round and sub-type. */
export interface FormContext {
  round: RoundConfig;
  subType: string | null;
}

/** The latest of the round's three indicator years. */
export function latestYear(ctx: FormContext): number {
  return Math.max(...ctx.round.indicatorYears);
}

/** 2019-01-01 → 2019年1月1日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * Labels and descriptions may name round settings as tokens, so one spec serves every round:
 * {noViolationSince} → 2019年1月1日, {latestYear} → 2020, {minPlatformYears} → 2, {minServiceShare} → 30.
 */
export function formatText(text: string, ctx: FormContext): string {
  return text
    .replaceAll('{noViolationSince}', chineseDate(ctx.round.noViolationSince))
    .replaceAll('{latestYear}', String(latestYear(ctx)))
    .replaceAll('{minPlatformYears}', String(ctx.round.minPlatformYears))
    .replaceAll('{minServiceShare}', String(ctx.round.minServiceShare));
}

/** A field's label with the round's values filled in. */
export function labelFor(field: { label: string }, ctx: FormContext): string {
  return formatText(field.label, ctx);
}
