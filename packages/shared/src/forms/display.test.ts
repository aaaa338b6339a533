import { describe, expect, it } from 'vitest';
import { THIRD_NATIONAL_ROUND } from '../round.js';
import { FORM_SPECS, allFields } from './specs.js';
import { displayValue } from './display.js';
import { readOnlyValues } from './readOnly.js';
import { modesOf, platformServiceKind } from './summary.js';

const field = (key: string, category: keyof typeof FORM_SPECS = 'enterprise') => allFields(FORM_SPECS[category]).find((f) => f.key === key)!;

describe('displayValue', () => {
  it('shows booleans and declarations as 是/否', () => {
    expect(displayValue(field('appServiceProvider', 'platform'), true)).toBe('是');
    expect(displayValue(field('appServiceProvider', 'platform'), false)).toBe('否');
    expect(displayValue(field('declNoAccident'), true)).toBe('是');
    expect(displayValue(field('declNoAccident'), false)).toBe('否');
  });

  it('joins choices and appends units to numbers', () => {
    expect(displayValue(field('modes'), ['定制化服务', '供应链管理'])).toBe('定制化服务、供应链管理');
    expect(displayValue(field('employees'), 1250.5)).toBe('1,250.5人');
    expect(displayValue(field('rdStaffShare'), 12.345)).toBe('12.35%');
    expect(displayValue(field('mainBusiness'), '工程机械')).toBe('工程机械');
  });

  it('shows empty values as an empty string', () => {
    for (const v of [null, undefined, '', []]) expect(displayValue(field('modes'), v)).toBe('');
  });

  it('prints a year table line by line and rows one per line', () => {
    const v = { totalAssets: { '2018': 100, '2019': 200, '2020': null } };
    expect(displayValue(field('indicators'), v).split('\n')[0]).toBe('资产总额：2018年 100万元；2019年 200万元；2020年 —');
    const rows = [{ number: 'GB/T 1-2020', name: '服务标准', kind: '国家标准', status: '已发布', role: '牵头' }];
    expect(displayValue(field('standards'), rows)).toBe('1. 标准号/计划号：GB/T 1-2020，标准名称：服务标准，标准类别：国家标准，状态：已发布，参与方式：牵头');
  });
});

describe('readOnlyValues and summary columns', () => {
  const ctx = { round: THIRD_NATIONAL_ROUND, subType: 'shared' };

  it('fills certified fields, the operating years and the fixed shared mode', () => {
    const values = readOnlyValues(
      FORM_SPECS.platform,
      { org: { name: '某科技有限公司', uscc: '91350100M000100Y43', establishedOn: '2015-06-01' }, contact: { mobile: '13800138000' }, today: '2021-04-15' },
      ctx,
    );
    expect(values).toMatchObject({ operator: '某科技有限公司', operatorUscc: '91350100M000100Y43', operatingYears: 5, contactMobile: '13800138000', sharedModes: ['共享制造'], address: null });
  });

  it('names the modes of an application for the summary table', () => {
    expect(modesOf('platform', { modes: ['定制化服务'] }, ctx)).toEqual(['共享制造']);
    expect(modesOf('project', {}, { ...ctx, subType: null })).toEqual(['共享制造']);
    expect(modesOf('platform', { modes: ['定制化服务', '其他创新模式'], modesOther: '数据服务' }, { ...ctx, subType: 'other' })).toEqual(['定制化服务', '其他创新模式（数据服务）']);
    expect(modesOf('city', {}, { ...ctx, subType: 'design' })).toEqual([]);
  });

  it('names the platform column of the summary table', () => {
    expect(platformServiceKind({ appServiceProvider: true })).toBe('应用服务提供商');
    expect(platformServiceKind({ appServiceProvider: false })).toBe('公共服务平台');
    expect(platformServiceKind({})).toBe('');
  });
});
