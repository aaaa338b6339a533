import type { FieldSpec } from './types.js';

/** A yearTable value: { [indicatorKey]: { [year]: number | null } }. */
export type YearTableValue = Record<string, Record<string, number | null>>;

function asTable(value: unknown): YearTableValue {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: YearTableValue = {};
  for (const [k, line] of Object.entries(value)) {
    if (!line || typeof line !== 'object' || Array.isArray(line)) continue;
    out[k] = {};
    for (const [year, cell] of Object.entries(line)) out[k][year] = typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
  }
  return out;
}

export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/**
 * The value with every computed line filled in, for every year present in the table: numerator /
 * denominator (× 100 for a percent), rounded to 2 decimals; null when an operand is empty or the
 * denominator is 0. Input lines are kept; a computed line sent by a client is overwritten.
 */
export function computeIndicators(field: FieldSpec, value: unknown): YearTableValue {
  const table = asTable(value);
  const years = new Set<string>();
  for (const line of Object.values(table)) for (const y of Object.keys(line)) years.add(y);
  for (const ind of field.indicators ?? []) {
    if (!ind.computed) continue;
    const { numerator, denominator, percent } = ind.computed;
    const line: Record<string, number | null> = {};
    for (const y of [...years].sort()) {
      const n = table[numerator]?.[y] ?? null;
      const d = table[denominator]?.[y] ?? null;
      line[y] = n === null || d === null || d === 0 ? null : round2((n / d) * (percent ? 100 : 1));
    }
    table[ind.key] = line;
  }
  return table;
}
