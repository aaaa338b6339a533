import { describe, expect, it } from 'vitest';
import { regionFullName, resolveRegion } from './regionNames.js';

describe('resolveRegion', () => {
  it.each([
    ['440305', '440305'],
    ['深圳市南山区', '440305'],
    ['广东省/深圳市/南山区', '440305'],
    ['广东省 深圳市 南山区', '440305'],
    ['深圳市', '440300'],
    ['深圳', '440300'],
    ['广东', '440000'],
    ['大连市', '210200'],
    ['北京市', '110000'],
    ['北京市朝阳区', '110105'],
    ['浦东新区', '310115'],
  ])('%s → %s', (cell, code) => {
    expect(resolveRegion(cell)).toEqual({ ok: true, code });
  });

  it('refuses an ambiguous name and lists the candidates', () => {
    expect(resolveRegion('朝阳区')).toEqual({ ok: false, reason: '地区名称「朝阳区」不唯一（北京市朝阳区、吉林省长春市朝阳区），请填写行政区划代码或带上级地区名称' });
  });

  it('refuses unknown codes and names', () => {
    expect(resolveRegion('449999')).toEqual({ ok: false, reason: '行政区划代码「449999」不存在' });
    expect(resolveRegion('4403')).toEqual({ ok: false, reason: '行政区划代码「4403」应为6位数字' });
    expect(resolveRegion('火星市')).toEqual({ ok: false, reason: '无法识别的地区「火星市」，请填写6位行政区划代码或完整地区名称' });
    expect(resolveRegion(' ')).toEqual({ ok: false, reason: '所属地区不能为空' });
  });

  it('writes full names without repeating a municipality', () => {
    expect(regionFullName('440305')).toBe('广东省深圳市南山区');
    expect(regionFullName('110105')).toBe('北京市朝阳区');
  });
});
