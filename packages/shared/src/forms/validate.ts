import type { FieldSpec, FormSpec } from './types.js';
import type { FormContext } from './context.js';
import { labelFor } from './context.js';
import { fieldSchema } from './fieldSchema.js';
import { computeIndicators } from './indicators.js';
import { issueMessage } from './issues.js';
import { isReadOnly } from './options.js';
import { allFields, visibleKeys } from './specs.js';

export { fieldSchema } from './fieldSchema.js';

export type ValidateChangesResult = { ok: true; values: Record<string, unknown> } | { ok: false; fields: Record<string, string> };

export interface MissingField {
  field: string;
  label: string;
  section: string;
  message: string;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Parses one value; an empty value clears the field and a yearTable gets its computed lines. */
function parseValue(field: FieldSpec, value: unknown, ctx: FormContext): { ok: true; value: unknown } | { ok: false; message: string } {
  // An emptied input of any type (text, select, date ...) clears the field.
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: null };
  const parsed = fieldSchema(field, ctx).safeParse(value);
  if (!parsed.success) return { ok: false, message: issueMessage(field, parsed.error) };
  if (typeof parsed.data === 'string' && parsed.data === '') return { ok: true, value: null };
  if (field.type === 'yearTable') return { ok: true, value: computeIndicators(field, fullTable(field, parsed.data, ctx)) };
  return { ok: true, value: parsed.data };
}

/** Every indicator × every round year, missing cells as null, so stored tables have one shape. */
function fullTable(field: FieldSpec, value: unknown, ctx: FormContext): Record<string, Record<string, number | null>> {
  const given = (value ?? {}) as Record<string, Record<string, number | null | undefined> | undefined>;
  const out: Record<string, Record<string, number | null>> = {};
  for (const ind of field.indicators ?? []) {
    out[ind.key] = {};
    for (const y of ctx.round.indicatorYears) out[ind.key][String(y)] = given[ind.key]?.[String(y)] ?? null;
  }
  return out;
}

/**
 * Validates an autosave: any subset of the form's fields; null (or an empty text) clears a field.
 * Unknown keys and read-only fields (from certification or fixed by the round) are refused.
 */
export function validateChanges(spec: FormSpec, changes: Record<string, unknown>, ctx: FormContext): ValidateChangesResult {
  const byKey = new Map(allFields(spec).map((f) => [f.key, f]));
  const values: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const [key, raw] of Object.entries(changes)) {
    const field = byKey.get(key);
    if (!field) {
      fields[key] = '本申报表没有该填报项';
      continue;
    }
    if (field.from !== undefined) {
      fields[key] = '该项来自认证信息，不能在申报表中修改';
      continue;
    }
    if (isReadOnly(field)) {
      fields[key] = '该项由本批次规定，不能修改';
      continue;
    }
    const r = parseValue(field, raw, ctx);
    if (r.ok) values[key] = r.value;
    else fields[key] = r.message;
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, values };
}

function yearTableGaps(field: FieldSpec, value: unknown, ctx: FormContext): string[] {
  const table = (value && typeof value === 'object' ? value : {}) as Record<string, Record<string, unknown> | undefined>;
  const gaps: string[] = [];
  for (const ind of field.indicators ?? []) {
    if (ind.computed || ind.optional) continue;
    const years = ctx.round.indicatorYears.filter((y) => typeof table[ind.key]?.[String(y)] !== 'number');
    if (years.length > 0) gaps.push(`「${ind.label}」${years.map((y) => `${y}年`).join('、')}`);
  }
  return gaps;
}

function rowGaps(field: FieldSpec, rows: unknown[]): string[] {
  const gaps: string[] = [];
  rows.forEach((row, i) => {
    const cells = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
    const empty = (field.columns ?? []).filter((c) => c.required && isBlank(cells[c.key])).map((c) => `「${c.label}」`);
    if (empty.length > 0) gaps.push(`第${i + 1}行${empty.join('、')}`);
  });
  return gaps;
}

/** Why one visible field is not ready for submit, or null. */
function problemOf(field: FieldSpec, value: unknown, ctx: FormContext): string | null {
  if (field.type === 'declaration') return field.required && value !== true ? '请勾选此项声明' : null;
  if (isBlank(value)) {
    if (!field.required) return null;
    if (field.type === 'rows') return `请至少填写${Math.max(field.minItems ?? 1, 1)}行`;
    if (field.type === 'select' || field.type === 'multiselect' || field.type === 'boolean') return '请选择';
    return '请填写';
  }
  const parsed = parseValue(field, value, ctx);
  if (!parsed.ok) return parsed.message;
  if (field.type === 'multiselect' && Array.isArray(value) && value.length < (field.minItems ?? 0)) return `请至少选择${field.minItems}项`;
  if (field.type === 'rows' && Array.isArray(value)) {
    if (value.length < (field.minItems ?? 0)) return `请至少填写${field.minItems}行`;
    const gaps = rowGaps(field, value);
    if (gaps.length > 0) return `${gaps.join('；')}未填写`;
  }
  if (field.type === 'yearTable' && field.required) {
    const gaps = yearTableGaps(field, value, ctx);
    if (gaps.length > 0) return `${gaps.join('；')}未填写`;
  }
  return null;
}

/**
 * What still stops a submit, in form order. Fields hidden by showIf and read-only fields (filled by
 * the system) are skipped.
 */
export function missingForSubmit(spec: FormSpec, data: Record<string, unknown>, ctx: FormContext): MissingField[] {
  const visible = visibleKeys(spec, data, ctx);
  const out: MissingField[] = [];
  for (const section of spec.sections) {
    for (const field of section.fields) {
      if (!visible.has(field.key) || isReadOnly(field)) continue;
      const message = problemOf(field, data[field.key], ctx);
      if (message) out.push({ field: field.key, label: labelFor(field, ctx), section: labelFor({ label: section.title }, ctx), message });
    }
  }
  return out;
}
