import { describe, expect, it } from 'vitest';
import { THIRD_NATIONAL_ROUND } from '../round.js';
import { FORM_SPECS } from './specs.js';
import { allFields } from './specs.js';
import { fieldSchema, missingForSubmit, validateChanges } from './validate.js';

const round = THIRD_NATIONAL_ROUND;
const ctx = { round, subType: null };
const enterprise = FORM_SPECS.enterprise;
const field = (key: string) => allFields(enterprise).find((f) => f.key === key)!;

function fails(result: ReturnType<typeof validateChanges>): Record<string, string> {
  if (result.ok) throw new Error('expected a refusal');
  return result.fields;
}

describe('validateChanges', () => {
  it('accepts a partial save and trims text', () => {
    const r = validateChanges(enterprise, { mainBusiness: '  工程机械制造  ', employees: 1250.5, modes: ['定制化服务', '供应链管理'] }, ctx);
    expect(r).toEqual({ ok: true, values: { mainBusiness: '工程机械制造', employees: 1250.5, modes: ['定制化服务', '供应链管理'] } });
  });

  it('clears a field with null or an empty text', () => {
    expect(validateChanges(enterprise, { employees: null, industry: '   ' }, ctx)).toEqual({ ok: true, values: { employees: null, industry: null } });
    expect(validateChanges(FORM_SPECS.platform, { operatorNature: '', launchedOn: '' }, ctx)).toEqual({ ok: true, values: { operatorNature: null, launchedOn: null } });
  });

  it('refuses wrong types with Chinese messages', () => {
    const fields = fails(validateChanges(enterprise, { employees: '很多', inventionPatents: 1.5, mainBusiness: 12, declNoAccident: 'yes' }, ctx));
    expect(fields).toEqual({ employees: '请输入数字', inventionPatents: '请输入整数', mainBusiness: '请输入文字', declNoAccident: '请勾选声明' });
  });

  it('refuses numbers below the minimum and percentages above 100', () => {
    const fields = fails(validateChanges(enterprise, { employees: -1, rdStaffShare: 120 }, ctx));
    expect(fields).toEqual({ employees: '不能小于0', rdStaffShare: '不能大于100' });
  });

  it('refuses unknown keys and fields that come from certification', () => {
    const fields = fails(validateChanges(enterprise, { hacked: 1, orgName: '别的公司', contactMobile: '13800138000', industry: '装备制造' }, ctx));
    expect(Object.keys(fields).sort()).toEqual(['contactMobile', 'hacked', 'orgName']);
    expect(fields.hacked).toBe('本申报表没有该填报项');
    expect(fields.orgName).toBe('该项来自认证信息，不能在申报表中修改');
  });

  it('refuses the round-fixed shared mode of a project', () => {
    const fields = fails(validateChanges(FORM_SPECS.project, { sharedModes: ['定制化服务'] }, ctx));
    expect(fields.sharedModes).toBe('该项由本批次规定，不能修改');
  });

  it('keeps modes within the round and out of the shared mode for enterprises', () => {
    expect(fails(validateChanges(enterprise, { modes: ['共享制造'] }, ctx)).modes).toBe('「共享制造」不是可选的选项');
    expect(fails(validateChanges(enterprise, { modes: ['信息增值服务'] }, ctx)).modes).toBe('「信息增值服务」不是可选的选项');
    expect(fails(validateChanges(enterprise, { modes: ['定制化服务', '定制化服务'] }, ctx)).modes).toBe('选项不能重复');
    const shanghai = { ...round, modes: [...round.modes, '产业互联网'] };
    expect(validateChanges(enterprise, { modes: ['产业互联网'] }, { round: shanghai, subType: null }).ok).toBe(true);
  });

  it('checks select options and date formats', () => {
    const platform = FORM_SPECS.platform;
    const fields = fails(validateChanges(platform, { operatorNature: '个体户', launchedOn: '2019-02-30', platformType: '第三方专业服务平台' }, ctx));
    expect(fields).toEqual({ operatorNature: '请从选项中选择', launchedOn: '请输入正确的日期（YYYY-MM-DD）' });
  });

  it('normalises a year table to the round years and fills the computed share', () => {
    const r = validateChanges(enterprise, { indicators: { operatingRevenue: { '2020': 1000 }, serviceRevenue: { '2020': 235 } } }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.fields));
    const table = r.values.indicators as Record<string, Record<string, number | null>>;
    expect(table.operatingRevenue).toEqual({ '2018': null, '2019': null, '2020': 1000 });
    expect(table.serviceShare).toEqual({ '2018': null, '2019': null, '2020': 23.5 });
    expect(Object.keys(table)).toHaveLength(8);
  });

  it('refuses years outside the round, unknown indicators and non-numeric cells', () => {
    expect(fails(validateChanges(enterprise, { indicators: { totalAssets: { '2017': 1 } } }, ctx)).indicators).toBe('「资产总额」：年份不在本批次填报范围：2017');
    expect(fails(validateChanges(enterprise, { indicators: { profit: { '2018': 1 } } }, ctx)).indicators).toBe('不是本表的指标：profit');
    expect(fails(validateChanges(enterprise, { indicators: { totalAssets: { '2019': 'abc' } } }, ctx)).indicators).toBe('「资产总额」2019年：请输入数字');
    expect(fails(validateChanges(enterprise, { indicators: { totalAssets: { '2019': -5 } } }, ctx)).indicators).toBe('「资产总额」2019年：不能小于0');
    // A loss is a valid net profit.
    expect(validateChanges(enterprise, { indicators: { netProfit: { '2019': -5 } } }, ctx).ok).toBe(true);
  });

  it('validates rows column by column', () => {
    const ok = validateChanges(enterprise, { standards: [{ number: ' GB/T 39000-2020 ', name: '某服务标准', kind: null, status: '' }] }, ctx);
    expect(ok).toEqual({ ok: true, values: { standards: [{ number: 'GB/T 39000-2020', name: '某服务标准', kind: null, status: null }] } });
    const fields = fails(validateChanges(enterprise, { standards: [{ number: 'T/1' }, { number: 'T/2', kind: '国际标准' }] }, ctx));
    expect(fields.standards).toBe('第2行「标准类别」：请从选项中选择');
    expect(fails(validateChanges(enterprise, { standards: [{ color: 'red' }] }, ctx)).standards).toBe('第1行：未知的列：color');
    expect(fails(validateChanges(enterprise, { standards: 'GB/T 1' }, ctx)).standards).toBe('格式不正确');
  });
});

describe('fieldSchema', () => {
  it('validates mobile, email and phone fields', () => {
    const mobile = fieldSchema({ key: 'm', label: '手机', type: 'mobile' }, ctx);
    expect(mobile.safeParse('13800138000').success).toBe(true);
    expect(mobile.safeParse('12800138000').error?.issues[0]?.message).toBe('请输入正确的11位手机号码');
    const email = fieldSchema({ key: 'e', label: '邮箱', type: 'email' }, ctx);
    expect(email.safeParse('a@b.cn').success).toBe(true);
    expect(email.safeParse('a@b').error?.issues[0]?.message).toBe('请输入正确的电子邮箱');
    const phone = fieldSchema({ key: 'p', label: '电话', type: 'phone' }, ctx);
    expect(['021-23112650', '02123112650', '18116258631'].map((v) => phone.safeParse(v).success)).toEqual([true, true, true]);
    expect(phone.safeParse('23112650').success).toBe(false);
  });

  it('validates text length and year-month', () => {
    expect(fieldSchema(field('industry'), ctx).safeParse('字'.repeat(51)).error?.issues[0]?.message).toBe('不能超过50个字');
    const ym = fieldSchema({ key: 'ym', label: '年月', type: 'yearMonth' }, ctx);
    expect(ym.safeParse('2021-07').success).toBe(true);
    expect(ym.safeParse('2021-13').error?.issues[0]?.message).toBe('请输入正确的年月（YYYY-MM）');
  });
});

/** A complete enterprise application. */
function completeEnterprise(): Record<string, unknown> {
  const line = (a: number, b: number, c: number) => ({ '2018': a, '2019': b, '2020': c });
  const data: Record<string, unknown> = {
    mainBusiness: '工程机械',
    industry: '专用设备制造业',
    employees: 1200,
    serviceStaff: 300,
    rdStaffShare: 15,
    seniorQualifiedShare: 20,
    inventionPatents: 12,
    utilityPatents: 30,
    designPatents: 2,
    indicators: {
      totalAssets: line(1, 2, 3),
      debtRatio: line(50, 50, 50),
      netAssets: line(1, 1, 1),
      operatingRevenue: line(100, 100, 100),
      serviceRevenue: line(40, 40, 40),
      netProfit: line(-1, 2, 3),
      rdShare: line(3, 3, 3),
    },
    modes: ['定制化服务'],
  };
  for (const f of allFields(enterprise)) if (f.type === 'declaration') data[f.key] = true;
  return data;
}

describe('missingForSubmit', () => {
  it('finds nothing missing in a complete application', () => {
    expect(missingForSubmit(enterprise, completeEnterprise(), ctx)).toEqual([]);
  });

  it('lists every required field of an empty form, with label and section, and skips certified fields', () => {
    const missing = missingForSubmit(enterprise, {}, ctx);
    const keys = missing.map((m) => m.field);
    expect(keys).toContain('mainBusiness');
    expect(keys).toContain('indicators');
    expect(keys).toContain('declNoAccident');
    expect(keys).not.toContain('orgName');
    expect(keys).not.toContain('awards');
    expect(missing.find((m) => m.field === 'mainBusiness')).toEqual({ field: 'mainBusiness', label: '主营业务', section: '一、企业基本情况', message: '请填写' });
    expect(missing.find((m) => m.field === 'modes')?.message).toBe('请选择');
    expect(missing.find((m) => m.field === 'declNoAccident')).toMatchObject({ label: '自2019年1月1日起未发生重大质量、环保或安全事故', message: '请勾选此项声明' });
  });

  it('names the empty year-table cells but not the computed line', () => {
    const data = completeEnterprise();
    const table = data.indicators as Record<string, Record<string, number | null>>;
    table.netProfit = { '2018': 1, '2019': null, '2020': null };
    delete table.rdShare;
    const missing = missingForSubmit(enterprise, data, ctx);
    expect(missing).toEqual([
      { field: 'indicators', label: '经营指标', section: '二、经营管理状况', message: '「净利润」2019年、2020年；「研发投入占收入比例」2018年、2019年、2020年未填写' },
    ]);
  });

  it('requires every required declaration to be ticked', () => {
    const data = { ...completeEnterprise(), declNoViolation: false };
    expect(missingForSubmit(enterprise, data, ctx).map((m) => m.field)).toEqual(['declNoViolation']);
  });

  it('asks for the other-mode description only when that mode is chosen', () => {
    const data = { ...completeEnterprise(), modes: ['定制化服务', '其他创新模式'] };
    expect(missingForSubmit(enterprise, data, ctx).map((m) => m.field)).toEqual(['modesOther']);
    expect(missingForSubmit(enterprise, { ...data, modesOther: '数据增值服务' }, ctx)).toEqual([]);
  });

  it('checks required columns of rows and the minimum number of rows', () => {
    const data = { ...completeEnterprise(), standards: [{ number: 'T/CAMS 1-2020', name: '', kind: '团体标准', status: '已发布', role: '牵头' }] };
    expect(missingForSubmit(enterprise, data, ctx)).toEqual([
      expect.objectContaining({ field: 'standards', message: '第1行「标准名称」未填写' }),
    ]);
    const platformMissing = missingForSubmit(FORM_SPECS.platform, { investors: [] }, { round, subType: 'other' });
    expect(platformMissing.find((m) => m.field === 'investors')?.message).toBe('请至少填写1行');
  });

  it('honours showIf on the sub-type: modes for other platforms, nothing to choose for shared ones', () => {
    const other = missingForSubmit(FORM_SPECS.platform, {}, { round, subType: 'other' }).map((m) => m.field);
    const shared = missingForSubmit(FORM_SPECS.platform, {}, { round, subType: 'shared' }).map((m) => m.field);
    expect(other).toContain('modes');
    expect(shared).not.toContain('modes');
    expect(shared).not.toContain('sharedModes');
    // A hidden modes field also hides its "please specify" field.
    const hidden = missingForSubmit(FORM_SPECS.platform, { modes: ['其他创新模式'] }, { round, subType: 'shared' }).map((m) => m.field);
    expect(hidden).not.toContain('modesOther');
  });

  it('requires design centres only from industrial-design cities', () => {
    const design = missingForSubmit(FORM_SPECS.city, {}, { round, subType: 'design' }).map((m) => m.field);
    const general = missingForSubmit(FORM_SPECS.city, {}, { round, subType: 'general' }).map((m) => m.field);
    expect(design).toContain('designCentres');
    expect(general).not.toContain('designCentres');
  });

  it('reports a stored value that no longer validates', () => {
    const data = { ...completeEnterprise(), employees: -3 };
    expect(missingForSubmit(enterprise, data, ctx)).toEqual([expect.objectContaining({ field: 'employees', message: '不能小于0' })]);
  });
});
