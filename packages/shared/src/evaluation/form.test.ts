import { describe, expect, it } from 'vitest';
import { allFields, displayValue, findField, formatText, missingForSubmit, validateChanges } from '../forms/index.js';
import { EVALUATION_FORM_SPECS, EVALUATION_UPLOAD_SLOTS, evaluationFormContext, evaluationFormSpec, evaluationSubmitSchema } from './form.js';
import { writtenExplanationBody } from './explanation.js';

const complete = {
  yearIndicators: { operatingRevenue: { '2023': 10000 }, serviceRevenue: { '2023': 3500 }, netProfit: { '2023': 800 }, rdShare: { '2023': 4.2 } },
  summary: '围绕产品全生命周期管理开展服务，服务收入持续增长。',
  results: '形成远程运维典型案例三个。',
  plans: '下一步拓展供应链管理服务。',
  declTruthful: true,
};

describe('evaluation form spec', () => {
  it('has a form for every category with the year indicators, narrative and declaration', () => {
    for (const spec of Object.values(EVALUATION_FORM_SPECS)) {
      const keys = allFields(spec).map((f) => f.key);
      expect(keys).toEqual(expect.arrayContaining(['orgName', 'yearIndicators', 'summary', 'results', 'plans', 'declTruthful']));
    }
    expect(allFields(evaluationFormSpec('city')).some((f) => f.key === 'uscc')).toBe(false);
  });

  it('names the evaluated year in titles and labels', () => {
    const ctx = evaluationFormContext(2023);
    expect(formatText(evaluationFormSpec('enterprise').title, ctx)).toBe('服务型制造示范企业2023年度评估评价表');
    expect(formatText(findField(evaluationFormSpec('platform'), 'summary')!.label, ctx)).toBe('2023年度服务型制造发展情况');
  });

  it('computes the service share of the year through the shared machinery', () => {
    const r = validateChanges(evaluationFormSpec('enterprise'), { yearIndicators: complete.yearIndicators }, evaluationFormContext(2023));
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.values.yearIndicators as Record<string, Record<string, number>>).serviceShare).toEqual({ '2023': 35 });
  });

  it('refuses another year than the evaluated one in the indicator table', () => {
    const r = validateChanges(evaluationFormSpec('enterprise'), { yearIndicators: { operatingRevenue: { '2022': 1 } } }, evaluationFormContext(2023));
    expect(r).toEqual({ ok: false, fields: { yearIndicators: expect.stringContaining('年份不在本批次填报范围') } });
  });

  it('lists what is missing for submit', () => {
    const missing = missingForSubmit(evaluationFormSpec('enterprise'), { summary: '已填写的情况说明', yearIndicators: { serviceRevenue: { '2023': 1 } } }, evaluationFormContext(2023));
    expect(missing.map((m) => m.field)).toEqual(['yearIndicators', 'results', 'plans', 'declTruthful']);
    expect(missing[0]!.message).toBe('「营业收入」2023年；「净利润」2023年；「研发投入占收入比例」2023年未填写');
  });

  it('displays the year table like the application book does', () => {
    const field = findField(evaluationFormSpec('enterprise'), 'yearIndicators')!;
    expect(displayValue(field, { operatingRevenue: { '2023': 10000 } })).toContain('2023年 10,000万元');
  });

  it('declares a narrative and a supporting slot, both required', () => {
    expect(EVALUATION_UPLOAD_SLOTS.map((s) => [s.key, s.required])).toEqual([
      ['narrative', true],
      ['supporting', true],
    ]);
  });
});

describe('evaluationSubmitSchema', () => {
  const schema = evaluationSubmitSchema('enterprise', 2023);

  it('accepts a complete form and fills in the computed share', () => {
    const r = schema.safeParse(complete);
    expect(r.success).toBe(true);
    if (r.success) expect((r.data.yearIndicators as Record<string, Record<string, number>>).serviceShare).toEqual({ '2023': 35 });
  });

  it('names each missing or wrong field with a Chinese message', () => {
    const r = schema.safeParse({ ...complete, results: '', declTruthful: false, yearIndicators: { operatingRevenue: { '2023': -5 } } });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([['yearIndicators', expect.stringContaining('不能小于0')]]);
    const r2 = schema.safeParse({ ...complete, results: '', declTruthful: false });
    expect(r2.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['results', '主要成效及典型案例：请填写'],
      ['declTruthful', expect.stringContaining('请勾选此项声明')],
    ]);
  });

  it('refuses certification fields and unknown keys', () => {
    const r = schema.safeParse({ ...complete, orgName: '改名公司', hack: 1 });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['orgName', 'hack']);
  });

  it('a text over its limit is refused', () => {
    const r = schema.safeParse({ ...complete, plans: '字'.repeat(1001) });
    expect(r.error!.issues[0]!.message).toBe('不能超过1000个字');
  });
});

describe('writtenExplanationBody', () => {
  it('accepts a revoking status with a text', () => {
    expect(writtenExplanationBody.parse({ year: 2023, businessStatus: 'cancelled', text: '该企业已于2022年注销，无法网上填报。' }).businessStatus).toBe('cancelled');
  });

  it('refuses an operating status and a short text', () => {
    const r = writtenExplanationBody.safeParse({ year: 2023, businessStatus: 'operating', text: '短' });
    expect(r.error!.issues.map((i) => i.message)).toEqual(['请选择经营状态（吊销、注销、停业、清算）', '书面说明不少于10个字']);
  });
});
