import { describe, expect, it } from 'vitest';
import { DALIAN_2023_TEMPLATE, GUANGDONG_2023_TEMPLATE, NATIONAL_3_TEMPLATE, SHANGHAI_5_TEMPLATE } from '@fw/shared';
import { categoriesText, levelsText, quotaRows, stageRows, statusLabel } from './roundText';

describe('round texts', () => {
  it('quota rows name the kind, the titled maximum and the level capped', () => {
    expect(quotaRows(GUANGDONG_2023_TEMPLATE.config)[1]).toEqual({ key: '1', kind: '示范平台（共享制造类）', max: 1, maxForTitled: 2, level: '地市' });
    expect(quotaRows(NATIONAL_3_TEMPLATE.config).map((r) => r.level)).toEqual(Array(6).fill('省级'));
    expect(quotaRows({ quotas: [{ category: 'enterprise', max: 2 }] })[0]!.level).toBe('各级');
    expect(quotaRows(SHANGHAI_5_TEMPLATE.config)).toEqual([]);
  });

  it('stage rows list what the notice dates, and say when the organiser decides', () => {
    const rows = stageRows(DALIAN_2023_TEMPLATE);
    expect(rows.map((r) => r.label)).toEqual(['填报开始', '填报截止', '地方推荐报送截止', '评估评价填报截止']);
    expect(rows[0]!.value).toBe('由组织单位确定');
    const review = stageRows({ fillingOpensAt: null, fillingClosesAt: null, config: { stages: { reviewStartsOn: '2026-07-01', reviewEndsOn: '2026-07-15', noticeDays: 7 } } });
    expect(review.slice(2)).toEqual([{ label: '专家评审', value: '2026-07-01 至 2026-07-15' }, { label: '公示', value: '7天' }]);
  });

  it('categories, levels and statuses in Chinese', () => {
    expect(categoriesText(SHANGHAI_5_TEMPLATE.config)).toBe('示范企业、示范平台、示范区');
    expect(levelsText(NATIONAL_3_TEMPLATE.config)).toBe('地市 → 省级 → 部级');
    expect(statusLabel('reviewing')).toBe('评审中');
  });
});
