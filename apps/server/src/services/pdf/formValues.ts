import type { FieldSpec, IndicatorSpec } from '@fw/shared';

/** What the section renderers need to know about one application's values. */
export interface FormValues {
  data: Record<string, unknown>;
  resolveFrom: (from: string) => string;
  indicatorYears: number[];
}

export function fieldValue(values: FormValues, field: FieldSpec): unknown {
  return field.from ? values.resolveFrom(field.from) : values.data[field.key];
}

function hasValue(value: unknown): boolean {
  return !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0));
}

/**
 * Mirror of the form's showIf. The application's sub-type is not part of the data, so a field
 * shown only for some sub-types is printed when it holds a value.
 */
export function isVisible(values: FormValues, field: FieldSpec): boolean {
  if (!field.showIf) return true;
  if (field.showIf.field === '$subType') return hasValue(values.data[field.key]);
  const other = values.data[field.showIf.field];
  const candidates = Array.isArray(other) ? other : [other];
  return candidates.some((v) => field.showIf?.in.includes(v));
}

type YearValues = Record<string, Record<string, number | null | undefined> | undefined>;

/** The number printed for one indicator and year; derived ratios are computed when not stored. */
export function indicatorValue(table: unknown, indicator: IndicatorSpec, year: number): number | null {
  const values = (table && typeof table === 'object' ? table : {}) as YearValues;
  const stored = values[indicator.key]?.[String(year)];
  if (typeof stored === 'number') return stored;
  const computed = indicator.computed;
  if (!computed) return null;
  const num = values[computed.numerator]?.[String(year)];
  const den = values[computed.denominator]?.[String(year)];
  if (typeof num !== 'number' || typeof den !== 'number' || den === 0) return null;
  const ratio = (num / den) * (computed.percent ? 100 : 1);
  return Math.round(ratio * 100) / 100;
}
