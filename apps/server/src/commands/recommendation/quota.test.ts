import { describe, expect, it } from 'vitest';
import { DALIAN_2023_TEMPLATE, GUANGDONG_2023_TEMPLATE, levelOf, NATIONAL_3_TEMPLATE, THIRD_NATIONAL_ROUND, type RoundConfig } from '@fw/shared';
import { quotaAppliesAt, quotaFullMessage, quotaMax, quotaRuleFor } from './quota.js';

const guangdong: Pick<RoundConfig, 'quotas' | 'titledRegions'> = {
  quotas: [
    { category: 'enterprise', max: 4, maxForTitled: 6 },
    { category: 'platform', subType: 'shared', max: 1, maxForTitled: 2 },
    { category: 'platform', subType: 'other', max: 2, maxForTitled: 3 },
    { category: 'project', max: 2, maxForTitled: 3 },
  ],
  titledRegions: ['440300'],
};

describe('quota rules', () => {
  it.each([
    // config, category, subType, region → max (null: no cap)
    [THIRD_NATIONAL_ROUND, 'enterprise', null, '440000', 6],
    [THIRD_NATIONAL_ROUND, 'platform', 'shared', '440000', 1],
    [THIRD_NATIONAL_ROUND, 'platform', 'other', '440000', 3],
    [THIRD_NATIONAL_ROUND, 'city', 'design', '440000', 1],
    [THIRD_NATIONAL_ROUND, 'district', null, '440000', null],
    [guangdong, 'enterprise', null, '440300', 6],
    [guangdong, 'enterprise', null, '440600', 4],
    [guangdong, 'platform', 'shared', '440300', 2],
    [guangdong, 'platform', 'shared', '440600', 1],
    [guangdong, 'project', null, '440600', 2],
    [guangdong, 'city', 'design', '440600', null],
  ] as const)('%#: %s/%s in %s → %s', (config, category, subType, region, expected) => {
    const rule = quotaRuleFor(config, category, subType, levelOf(region));
    expect(rule ? quotaMax(config, rule, region) : null).toBe(expected);
  });

  it('prefers the rule naming the sub-type over the category-wide one', () => {
    const config = { quotas: [{ category: 'platform' as const, max: 5 }, { category: 'platform' as const, subType: 'shared', max: 1 }] };
    expect(quotaRuleFor(config, 'platform', 'shared', 'province')?.max).toBe(1);
    expect(quotaRuleFor(config, 'platform', 'other', 'province')?.max).toBe(5);
  });

  it.each([
    // template, category, subType, recommending region → max (null: that level is not capped)
    [NATIONAL_3_TEMPLATE.config, 'enterprise', null, '440000', 6],
    [NATIONAL_3_TEMPLATE.config, 'platform', 'shared', '320000', 1],
    [NATIONAL_3_TEMPLATE.config, 'enterprise', null, '440300', null],
    [NATIONAL_3_TEMPLATE.config, 'city', 'design', '440300', null],
    [DALIAN_2023_TEMPLATE.config, 'enterprise', null, '210202', null],
    [DALIAN_2023_TEMPLATE.config, 'platform', 'shared', '210211', null],
    [DALIAN_2023_TEMPLATE.config, 'enterprise', null, '210200', 3],
    [GUANGDONG_2023_TEMPLATE.config, 'enterprise', null, '440600', 4],
    [GUANGDONG_2023_TEMPLATE.config, 'enterprise', null, '440000', null],
  ] as const)('%#: a rule with a level caps only that level (%s/%s in %s → %s)', (config, category, subType, region, expected) => {
    const rule = quotaRuleFor(config, category, subType, levelOf(region));
    expect(rule ? quotaMax(config, rule, region) : null).toBe(expected);
  });

  it('a rule without a level caps every level; a level rule falls back to the category rule of this level', () => {
    expect(quotaAppliesAt({ category: 'enterprise', max: 1 }, 'district')).toBe(true);
    expect(quotaAppliesAt({ category: 'enterprise', max: 1, level: 'city' }, 'district')).toBe(false);
    const config = { quotas: [{ category: 'platform' as const, max: 5, level: 'city' as const }, { category: 'platform' as const, subType: 'shared', max: 1, level: 'province' as const }] };
    expect(quotaRuleFor(config, 'platform', 'shared', 'city')?.max).toBe(5);
    expect(quotaRuleFor(config, 'platform', 'shared', 'province')?.max).toBe(1);
    expect(quotaRuleFor(config, 'platform', 'other', 'province')).toBeNull();
  });

  it('names the kind in the refusal', () => {
    expect(quotaFullMessage({ category: 'enterprise', max: 6 }, 6)).toBe('推荐名额已满：示范企业最多推荐6个');
    expect(quotaFullMessage({ category: 'platform', subType: 'shared', max: 1 }, 2)).toBe('推荐名额已满：示范平台（共享制造类）最多推荐2个');
  });
});
