import { describe, expect, it } from 'vitest';
import { columnOf, mapHeader } from './columns.js';

describe('import headers', () => {
  it.each([
    ['单位名称', 'name'],
    ['Name', 'name'],
    ['统一社会信用代码', 'uscc'],
    ['USCC', 'uscc'],
    ['所属地区（代码或名称）', 'region'],
    ['region_code', 'region'],
    ['示范类别', 'category'],
    ['sub_type', 'subType'],
    ['示范模式', 'mode'],
    ['批次', 'batch'],
    ['认定年份', 'year'],
    [' Year ', 'year'],
    ['序号', null],
  ])('%s → %s', (header, column) => {
    expect(columnOf(header)).toBe(column);
  });

  it('maps a header line and ignores extra columns', () => {
    expect(mapHeader(['序号', '名称', 'uscc', '地区', '类别', '批次', '年份', '备注'])).toEqual([null, 'name', 'uscc', 'region', 'category', 'batch', 'year', null]);
  });

  it('names the missing columns in Chinese', () => {
    expect(() => mapHeader(['名称', 'uscc'])).toThrow(/^缺少列：所属地区、示范类别、批次、年份/);
  });
});
