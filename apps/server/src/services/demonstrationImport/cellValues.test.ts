import { describe, expect, it } from 'vitest';
import { chineseNumber, readBatch, readCategory, readMode, readYear } from './cellValues.js';

describe('readCategory', () => {
  it.each([
    ['示范企业', '', 'enterprise', null],
    ['enterprise', '', 'enterprise', null],
    ['Platform', '', 'platform', null],
    ['服务型制造示范项目', '', 'project', null],
    ['企业', '', 'enterprise', null],
    ['示范平台（共享制造类）', '', 'platform', 'shared'],
    ['示范平台(其他类)', '', 'platform', 'other'],
    ['示范平台', '共享制造类', 'platform', 'shared'],
    ['platform', 'other', 'platform', 'other'],
    ['示范城市（工业设计特色类）', '', 'city', 'design'],
    ['示范城市（综合类）', '', 'city', 'general'],
    ['示范城市', '其他类', 'city', 'general'],
    ['示范区', '', 'district', null],
  ])('%s / %s → %s %s', (cell, sub, category, subType) => {
    expect(readCategory(cell, sub)).toEqual({ ok: true, value: { category, subType } });
  });

  it('refuses unknown categories and sub-types that do not belong to the category', () => {
    expect(readCategory('示范园区', '')).toEqual({ ok: false, reason: '无法识别的示范类别「示范园区」（应为示范企业、示范平台、示范项目、示范城市或示范区）' });
    expect(readCategory('', '')).toEqual({ ok: false, reason: '示范类别不能为空' });
    expect(readCategory('示范企业（共享制造类）', '')).toEqual({ ok: false, reason: '子类「共享制造类」不适用于示范企业' });
    expect(readCategory('示范平台（共享制造类）', '其他类')).toEqual({ ok: false, reason: '示范类别与子类不一致（共享制造类、其他类）' });
  });
});

describe('readBatch', () => {
  it.each([
    ['第一批', '第一批'],
    ['首批', '第一批'],
    ['第1批', '第一批'],
    ['3', '第三批'],
    ['三', '第三批'],
    ['第 四 批', '第四批'],
    ['第10批', '第十批'],
    ['第十二批', '第十二批'],
    ['2023年', '2023年'],
    ['2023', '2023年'],
  ])('%s → %s', (cell, batch) => {
    expect(readBatch(cell)).toEqual({ ok: true, value: batch });
  });

  it.each(['', '次批', '第零批', '第100批', 'A'])('refuses «%s»', (cell) => {
    expect(readBatch(cell).ok).toBe(false);
  });

  it('writes Chinese numerals', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
  });
});

describe('readYear', () => {
  it('reads 2021, 2021年 and a number cell written as 2021.0', () => {
    expect(readYear('2021', 2017, 2026)).toEqual({ ok: true, value: 2021 });
    expect(readYear('2021年', 2017, 2026)).toEqual({ ok: true, value: 2021 });
    expect(readYear('2021.0', 2017, 2026)).toEqual({ ok: true, value: 2021 });
  });

  it('refuses years out of range with the range', () => {
    expect(readYear('2016', 2017, 2026)).toEqual({ ok: false, reason: '年份2016超出范围（2017—2026年）' });
    expect(readYear('2027', 2017, 2026)).toEqual({ ok: false, reason: '年份2027超出范围（2017—2026年）' });
    expect(readYear('二〇二一', 2017, 2026)).toEqual({ ok: false, reason: '年份「二〇二一」应为四位数字' });
  });
});

describe('readMode', () => {
  it('joins modes with 、 and drops repeats', () => {
    expect(readMode('定制化服务，供应链管理;定制化服务 / 全生命周期管理')).toEqual({ ok: true, value: '定制化服务、供应链管理、全生命周期管理' });
    expect(readMode('  ')).toEqual({ ok: true, value: null });
    expect(readMode('模'.repeat(201)).ok).toBe(false);
  });
});
