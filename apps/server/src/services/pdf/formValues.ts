import {
  computeIndicators,
  fixedValue,
  formatText,
  isVisible as specIsVisible,
  optionsFor,
  type FieldSpec,
  type FormContext,
  type IndicatorSpec,
} from '@fw/shared';

/** What the section renderers need to know about one application's values. */
export interface FormValues {
  data: Record<string, unknown>;
  resolveFrom: (from: string) => string;
  indicatorYears: number[];
  /** The round and sub-type: fills label tokens, the round's modes, fixed values and showIf. */
  context?: FormContext;
}

export function fieldValue(values: FormValues, field: FieldSpec): unknown {
  if (field.from) return values.resolveFrom(field.from);
  if (field.fixed && values.context) return fixedValue(field, values.context);
  return values.data[field.key];
}

/** Labels may hold round tokens such as {latestYear}. */
export function textFor(values: FormValues, label: string): string {
  return values.context ? formatText(label, values.context) : label;
}

export function optionList(values: FormValues, field: FieldSpec): readonly string[] | undefined {
  if (values.context) return optionsFor(field, values.context);
  return field.optionSource ? undefined : field.options;
}

function hasValue(value: unknown): boolean {
  return !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0));
}

/**
 * The form's showIf. Without the context the sub-type is unknown, so a field shown only for
 * some sub-types is printed when it holds a value.
 */
export function isVisible(values: FormValues, field: FieldSpec): boolean {
  if (values.context) return specIsVisible(field, values.data, values.context);
  if (!field.showIf) return true;
  if (field.showIf.field === '$subType') return hasValue(values.data[field.key]);
  const other = values.data[field.showIf.field];
  const candidates = Array.isArray(other) ? other : [other];
  return candidates.some((v) => field.showIf?.in.includes(v));
}

/** The yearTable with derived lines (ratios) computed the same way as on the form. */
export function yearTableValues(field: FieldSpec, value: unknown): (indicator: IndicatorSpec, year: number) => number | null {
  const table = computeIndicators(field, value);
  return (indicator, year) => table[indicator.key]?.[String(year)] ?? null;
}
