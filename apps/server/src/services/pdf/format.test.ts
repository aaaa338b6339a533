import { describe, expect, it } from 'vitest';
import { chineseDate, fileSize, formatValue, labelWithUnit } from './format.js';

describe('pdf formatting', () => {
  it('dates a submission by the China calendar day, whatever the server time zone', () => {
    expect(chineseDate(new Date('2024-05-19T17:30:00Z'))).toBe('2024年5月20日');
    expect(chineseDate(new Date('2024-05-19T15:59:00Z'))).toBe('2024年5月19日');
  });

  it('prints sizes in KB below 1 MB and MB above', () => {
    expect(fileSize(200)).toBe('1 KB');
    expect(fileSize(812_345)).toBe('793 KB');
    expect(fileSize(6_543_210)).toBe('6.2 MB');
  });

  it('adds the unit to a label unless it already names it', () => {
    expect(labelWithUnit('注册资本', '万元')).toBe('注册资本（万元）');
    expect(labelWithUnit('注册资本（万元）', '万元')).toBe('注册资本（万元）');
    expect(labelWithUnit('网址')).toBe('网址');
  });

  it('formats dates, months, choices and empty values as printed on the form', () => {
    expect(formatValue({ key: 'd', label: 'd', type: 'date' }, '2015-06-18')).toBe('2015年6月18日');
    expect(formatValue({ key: 'm', label: 'm', type: 'yearMonth' }, '2018-03')).toBe('2018年3月');
    expect(formatValue({ key: 's', label: 's', type: 'multiselect' }, ['甲', '乙'])).toBe('甲、乙');
    expect(formatValue({ key: 'n', label: 'n', type: 'number' }, null)).toBe('');
  });
});
