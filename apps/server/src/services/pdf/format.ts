import type { FieldSpec } from '@fw/shared';

const CHINA_DATE = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** A moment as its date in China (the server may run in UTC): 2024年3月5日. */
export function chineseDate(date: Date): string {
  const part = (type: string) => CHINA_DATE.formatToParts(date).find((p) => p.type === type)?.value;
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** Append the unit as the printed forms do: 注册资本（万元）, unless the label already names it. */
export function labelWithUnit(label: string, unit?: string): string {
  return unit && !label.includes(unit) ? `${label}（${unit}）` : label;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function formatNumber(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return isEmpty(value) ? '' : String(value);
}

/** Printable text of a scalar field value; '' for empty (left blank to fill by hand). */
export function formatValue(field: FieldSpec, value: unknown): string {
  if (isEmpty(value)) return '';
  switch (field.type) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
      return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(value);
    }
    case 'yearMonth': {
      const m = /^(\d{4})-(\d{2})/.exec(String(value));
      return m ? `${m[1]}年${Number(m[2])}月` : String(value);
    }
    case 'boolean':
    case 'declaration':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'multiselect':
      return Array.isArray(value) ? value.map(String).join('、') : String(value);
    case 'integer':
    case 'number':
      return formatNumber(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
