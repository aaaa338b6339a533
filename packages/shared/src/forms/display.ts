import type { FieldSpec } from './types.js';

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function formatNumber(n: number, unit: string | undefined): string {
  return `${NUMBER.format(n)}${unit ?? ''}`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A value as text for the confirmation page and the PDF: 是/否, choices joined with 、, numbers with
 * their unit, a yearTable or rows as one line each. Empty values give ''.
 */
export function displayValue(field: FieldSpec, value: unknown): string {
  if (isEmpty(value)) return '';
  switch (field.type) {
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : '';
    case 'declaration':
      return value === true ? '是' : '否';
    case 'integer':
    case 'number':
      return typeof value === 'number' ? formatNumber(value, field.unit) : String(value);
    case 'multiselect':
      return Array.isArray(value) ? value.map(String).join('、') : String(value);
    case 'yearTable': {
      if (typeof value !== 'object') return '';
      const table = value as Record<string, Record<string, unknown> | undefined>;
      return (field.indicators ?? [])
        .map((ind) => {
          const line = table[ind.key] ?? {};
          const cells = Object.keys(line)
            .sort()
            .map((y) => {
              const cell = line[y];
              return `${y}年 ${typeof cell === 'number' ? formatNumber(cell, ind.unit) : '—'}`;
            });
          return `${ind.label}：${cells.join('；')}`;
        })
        .join('\n');
    }
    case 'rows': {
      if (!Array.isArray(value)) return '';
      return value
        .map((row, i) => {
          const cells = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
          const parts = (field.columns ?? []).map((c) => `${c.label}：${displayValue(c, cells[c.key]) || '—'}`);
          return `${i + 1}. ${parts.join('，')}`;
        })
        .join('\n');
    }
    default:
      return String(value);
  }
}
