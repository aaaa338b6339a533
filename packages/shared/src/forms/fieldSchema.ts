import { z } from 'zod';
import { MOBILE_MESSAGE, MOBILE_PATTERN } from '../rules/mobile.js';
import { TEXT_FIELD_MAX, TEXTAREA_MAX } from '../limits.js';
import type { FieldSpec, IndicatorSpec } from './types.js';
import type { FormContext } from './context.js';
import { optionsFor } from './options.js';

/** Landline (with area code, optional extension) or mobile. */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const ROWS_MAX = 100;

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function bounded(s: z.ZodNumber, min: number | undefined, max: number | undefined): z.ZodNumber {
  let out = s;
  if (min !== undefined) out = out.min(min, `不能小于${min}`);
  if (max !== undefined) out = out.max(max, `不能大于${max}`);
  return out;
}

function numberSchema(field: Pick<FieldSpec, 'type' | 'min' | 'max'>): z.ZodNumber {
  const base = field.type === 'integer' ? z.number({ error: '请输入整数' }).int('请输入整数') : z.number({ error: '请输入数字' });
  return bounded(base, field.min, field.max);
}

function cellSchema(ind: IndicatorSpec) {
  return bounded(z.number({ error: '请输入数字' }), ind.min, ind.max).nullable().optional();
}

function strictShape(shape: Record<string, z.ZodType>, unknownMessage: (keys: string[]) => string) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? unknownMessage(iss.keys) : '格式不正确'),
  });
}

function yearTableSchema(field: FieldSpec, ctx: FormContext) {
  const years = ctx.round.indicatorYears.map(String);
  const lines: Record<string, z.ZodType> = {};
  for (const ind of field.indicators ?? []) {
    const cells: Record<string, z.ZodType> = {};
    for (const y of years) cells[y] = cellSchema(ind);
    lines[ind.key] = strictShape(cells, (keys) => `年份不在本批次填报范围：${keys.join('、')}`).optional();
  }
  return strictShape(lines, (keys) => `不是本表的指标：${keys.join('、')}`);
}

function rowsSchema(field: FieldSpec, ctx: FormContext) {
  const shape: Record<string, z.ZodType> = {};
  // Rows are saved while being typed: every cell may be empty until submit.
  for (const col of field.columns ?? []) {
    shape[col.key] = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), fieldSchema(col, ctx).nullable().optional());
  }
  const max = field.maxItems ?? ROWS_MAX;
  return z
    .array(strictShape(shape, (keys) => `未知的列：${keys.join('、')}`), { error: '格式不正确' })
    .max(max, `最多填写${max}行`);
}

/** The zod schema of one field's (non-null) value; emptiness and required-ness are checked at submit. */
export function fieldSchema(field: FieldSpec, ctx: FormContext): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const max = field.maxLength ?? (field.type === 'text' ? TEXT_FIELD_MAX : TEXTAREA_MAX);
      return z.string({ error: '请输入文字' }).trim().max(max, `不能超过${max}个字`);
    }
    case 'integer':
    case 'number':
      return numberSchema(field);
    case 'date':
      return z.string({ error: '请输入日期' }).refine(isIsoDate, '请输入正确的日期（YYYY-MM-DD）');
    case 'yearMonth':
      return z.string({ error: '请输入年月' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请输入正确的年月（YYYY-MM）');
    case 'select': {
      const options = optionsFor(field, ctx);
      return z.string({ error: '请选择' }).refine((v) => options.includes(v), '请从选项中选择');
    }
    case 'multiselect': {
      const options = optionsFor(field, ctx);
      let arr = z.array(
        z.string({ error: '请选择' }).refine((v) => options.includes(v), { error: (iss) => `「${String(iss.input)}」不是可选的选项` }),
        { error: '格式不正确' },
      );
      if (field.maxItems !== undefined) arr = arr.max(field.maxItems, `最多选择${field.maxItems}项`);
      return arr.refine((v) => new Set(v).size === v.length, '选项不能重复');
    }
    case 'boolean':
      return z.boolean({ error: '请选择是或否' });
    case 'declaration':
      return z.boolean({ error: '请勾选声明' });
    case 'mobile':
      return z.string({ error: MOBILE_MESSAGE }).trim().regex(MOBILE_PATTERN, MOBILE_MESSAGE);
    case 'email':
      return z.string({ error: '请输入正确的电子邮箱' }).trim().max(100, '电子邮箱过长').pipe(z.email('请输入正确的电子邮箱'));
    case 'phone':
      return z.string({ error: '请输入正确的联系电话' }).trim().regex(PHONE_PATTERN, '请输入正确的联系电话（手机或带区号的固定电话）');
    case 'yearTable':
      return yearTableSchema(field, ctx);
    case 'rows':
      return rowsSchema(field, ctx);
  }
}
