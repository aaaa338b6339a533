import type { RankMethod, RankingRow } from '@fw/shared';

/** Scores as shown everywhere: two decimals, a dash when there is none. */
export function score(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(2);
}

/**
 * Rows ordered by another score to compare (the official rank stays the round's method): higher first,
 * unscored last, ties in the official order.
 */
export function sortedBy(rows: readonly RankingRow[], method: RankMethod): RankingRow[] {
  const at = (r: RankingRow) => r[method];
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      const a = at(x.r);
      const b = at(y.r);
      if (a === null && b === null) return x.i - y.i;
      if (a === null) return 1;
      if (b === null) return -1;
      return Math.round(b * 100) - Math.round(a * 100) || x.i - y.i;
    })
    .map((x) => x.r);
}
