import { describe, expect, it } from 'vitest';
import { THIRD_NATIONAL_ROUND } from '@fw/shared';
import { groupKey, groupsOf, quotaColor } from './labels';

describe('groupsOf', () => {
  it('makes one tab per quota group of the national round, in the round order', () => {
    const quotas = THIRD_NATIONAL_ROUND.quotas.map((q) => ({ category: q.category, subType: q.subType ?? null, max: q.max, used: 0 }));
    expect(groupsOf(quotas).map((g) => g.label)).toEqual([
      '示范企业',
      '示范平台（共享制造类）',
      '示范平台（其他类）',
      '示范项目',
      '示范城市（工业设计特色类）',
      '示范城市（其他类（综合类））',
    ]);
  });

  it('lists a group once even when the round repeats it', () => {
    const q = { category: 'enterprise' as const, subType: null, max: 6, used: 1 };
    expect(groupsOf([q, q])).toHaveLength(1);
  });
});

describe('groupKey', () => {
  it.each([
    ['enterprise', null, 'enterprise'],
    ['platform', 'shared', 'platform:shared'],
  ] as const)('%s / %s → %s', (category, subType, key) => expect(groupKey(category, subType)).toBe(key));
});

describe('quotaColor', () => {
  it.each([
    [0, 6, '#2e8b57'],
    [5, 6, '#2e8b57'],
    [6, 6, '#d97706'],
    [7, 6, '#c62828'],
  ])('%i of %i', (used, max, color) => expect(quotaColor(used, max)).toBe(color));
});
