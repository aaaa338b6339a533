import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../categories.js';
import { THIRD_NATIONAL_ROUND } from '../round.js';
import type { FieldSpec } from './types.js';
import { allFields, FORM_SPECS, formSpecFor, visibleSections } from './specs.js';
import { labelFor } from './context.js';
import { optionsFor } from './options.js';

const ctx = { round: THIRD_NATIONAL_ROUND, subType: null };
const CERTIFIED = /^(org|contact)\.(name|uscc|address|legalRepresentative|establishedOn|registeredCapital|orgType|regionName|operatingYears|position|mobile|email)$/;

describe.each(CATEGORIES)('the %s form', (category) => {
  const spec = formSpecFor(category);

  it('is the spec of its category', () => {
    expect(spec.category).toBe(category);
    expect(FORM_SPECS[category]).toBe(spec);
  });

  it('has unique section keys, field keys and column keys', () => {
    const sections = spec.sections.map((s) => s.key);
    expect(new Set(sections).size).toBe(sections.length);
    const keys = allFields(spec).map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of allFields(spec)) {
      const cols = (f.columns ?? []).map((c) => c.key);
      expect(new Set(cols).size).toBe(cols.length);
      const inds = (f.indicators ?? []).map((i) => i.key);
      expect(new Set(inds).size).toBe(inds.length);
    }
  });

  it('gives every choice field a non-empty list of distinct options', () => {
    const choices = (fields: FieldSpec[]): FieldSpec[] =>
      fields.flatMap((f) => [...(f.type === 'select' || f.type === 'multiselect' ? [f] : []), ...choices(f.columns ?? [])]);
    for (const f of choices(allFields(spec))) {
      const options = optionsFor(f, ctx);
      expect(options.length, f.key).toBeGreaterThan(0);
      expect(new Set(options).size, f.key).toBe(options.length);
    }
  });

  it('declares rows with columns and year tables with indicators whose computed operands exist', () => {
    for (const f of allFields(spec)) {
      if (f.type === 'rows') expect(f.columns?.length, f.key).toBeGreaterThan(0);
      if (f.type !== 'yearTable') continue;
      const keys = new Set(f.indicators?.map((i) => i.key));
      expect(keys.size, f.key).toBeGreaterThan(0);
      for (const i of f.indicators ?? []) {
        if (i.computed) expect([keys.has(i.computed.numerator), keys.has(i.computed.denominator)]).toEqual([true, true]);
      }
    }
  });

  it('reads certification data only from known sources and labels everything in Chinese', () => {
    for (const f of allFields(spec)) {
      if (f.from) expect(f.from, f.key).toMatch(CERTIFIED);
      expect(labelFor(f, ctx), f.key).toMatch(/[\u4e00-\u9fff]/);
      if (f.showIf && f.showIf.field !== '$subType') expect(allFields(spec).some((g) => g.key === f.showIf?.field), f.key).toBe(true);
    }
  });

  it('takes the contact person from certification and ends with the truthfulness declaration', () => {
    const fields = allFields(spec);
    expect(fields.find((f) => f.key === 'contactMobile')?.from).toBe('contact.mobile');
    expect(fields.find((f) => f.key === 'declTruthful')).toMatchObject({ type: 'declaration', required: true });
  });
});

describe('form contents', () => {
  it('enterprise: three-year indicators with a computed service share and modes without the shared mode', () => {
    const spec = FORM_SPECS.enterprise;
    expect(spec.title).toBe('表1 服务型制造示范企业申报表');
    const table = allFields(spec).find((f) => f.key === 'indicators');
    expect(table?.indicators?.map((i) => i.label)).toEqual(['资产总额', '资产负债率', '净资产', '营业收入', '其中服务收入', '服务收入占比', '净利润', '研发投入占收入比例']);
    expect(table?.indicators?.find((i) => i.key === 'serviceShare')?.computed).toMatchObject({ numerator: 'serviceRevenue', denominator: 'operatingRevenue', percent: true });
    const modes = allFields(spec).find((f) => f.key === 'modes')!;
    expect(optionsFor(modes, ctx)).not.toContain('共享制造');
    expect(optionsFor(modes, ctx)).toContain('定制化服务');
  });

  it('the round date appears in the accident declaration', () => {
    const decl = allFields(FORM_SPECS.enterprise).find((f) => f.key === 'declNoAccident')!;
    expect(labelFor(decl, ctx)).toBe('自2019年1月1日起未发生重大质量、环保或安全事故');
  });

  it('platform: the shared kind shows the fixed shared mode, the other kind chooses modes', () => {
    const spec = FORM_SPECS.platform;
    const keysFor = (subType: string) => visibleSections(spec, {}, { ...ctx, subType }).flatMap((s) => s.fields.map((f) => f.key));
    expect(keysFor('shared')).toContain('sharedModes');
    expect(keysFor('shared')).not.toContain('modes');
    expect(keysFor('other')).toContain('modes');
    expect(keysFor('other')).not.toContain('sharedModes');
  });

  it('city: the design-centre section exists only for industrial-design cities', () => {
    const spec = FORM_SPECS.city;
    expect(visibleSections(spec, {}, { ...ctx, subType: 'design' }).map((s) => s.key)).toContain('design');
    expect(visibleSections(spec, {}, { ...ctx, subType: 'general' }).map((s) => s.key)).not.toContain('design');
  });

  it('district: the labels of 表3 as printed', () => {
    const labels = allFields(FORM_SPECS.district).map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['区名称', '发布本区推动服务型制造发展的专项政策文件名称', '有无区级领导牵头的专项工作小组', '市级服务型制造示范数量（平台）']));
  });
});
