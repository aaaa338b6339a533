import { describe, expect, it } from 'vitest';
import type { RankingRow } from '@fw/shared';
import { score, sortedBy } from './format';

const row = (id: string, mean: number | null, normalised: number | null): RankingRow => ({
  rank: null, tiedWithPrevious: false, applicationId: id, number: id, name: id, regionCode: '', regionName: '', count: mean === null ? 0 : 3,
  assigned: 3, submitted: 3, mean, trimmedMean: mean, trimmed: false, trimNote: '', normalised, sd: 0, min: 0, max: 0, outliers: [], highSpread: false,
});

describe('ranking format', () => {
  it('shows two decimals and a dash for none', () => {
    expect(score(78.3333)).toBe('78.33');
    expect(score(null)).toBe('—');
  });
  it('orders by the chosen score, unscored last, ties in the given order', () => {
    const rows = [row('a', 80, 70), row('u', null, null), row('b', 75, 77), row('c', 75, 70)];
    expect(sortedBy(rows, 'normalised').map((r) => r.applicationId)).toEqual(['b', 'a', 'c', 'u']);
    expect(sortedBy(rows, 'mean').map((r) => r.applicationId)).toEqual(['a', 'b', 'c', 'u']);
  });
});
