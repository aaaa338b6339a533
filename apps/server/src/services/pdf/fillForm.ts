import { allFields, optionsFor, type FieldSpec, type FormContext, type FormSpec } from '@fw/shared';

/**
 * Test and sample data: a value for every field of a spec, the way an applicant who filled
 * everything would leave it. `maxed` fills text to maxLength and rows to maxItems (the worst
 * case for size and speed).
 */
export function fillForm(spec: FormSpec, ctx: FormContext, maxed = false): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of allFields(spec)) {
    if (field.from || field.fixed) continue;
    data[field.key] = sampleValue(field, ctx, maxed, 0);
  }
  return data;
}

const PROSE =
  '企业围绕客户全生命周期需求，构建“产品+服务”一体化解决方案，推动制造环节与研发设计、运维服务深度融合，' +
  '服务收入占比逐年提升，形成可复制、可推广的服务型制造经验。';

function prose(length: number): string {
  return PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length);
}

function sampleValue(field: FieldSpec, ctx: FormContext, maxed: boolean, index: number): unknown {
  switch (field.type) {
    case 'text': {
      const base = `${field.label.replace(/（.*?）/g, '')}示例${index + 1}`;
      return maxed && field.maxLength ? prose(field.maxLength) : base.slice(0, field.maxLength ?? 100);
    }
    case 'textarea':
      return prose(maxed ? (field.maxLength ?? 2000) : Math.min(field.maxLength ?? 300, 300));
    case 'integer':
      return 12 + index;
    case 'number':
      return field.unit === '%' ? 35.5 : 1280.25 + index;
    case 'date':
      return '2016-05-18';
    case 'yearMonth':
      return '2019-07';
    case 'select':
      return optionsFor(field, ctx)[0] ?? '';
    case 'multiselect':
      return optionsFor(field, ctx).slice(0, 2);
    case 'boolean':
    case 'declaration':
      return true;
    case 'mobile':
      return '13800138000';
    case 'email':
      return 'contact@example.com';
    case 'phone':
      return '020-38001234';
    case 'yearTable': {
      const table: Record<string, Record<string, number | null>> = {};
      (field.indicators ?? []).forEach((ind, i) => {
        if (ind.computed) return;
        table[ind.key] = Object.fromEntries(ctx.round.indicatorYears.map((y, j) => [String(y), 1000 * (i + 1) + 100 * j + 0.5]));
      });
      return table;
    }
    case 'rows': {
      const count = maxed ? (field.maxItems ?? 20) : Math.max(field.minItems ?? 0, 3);
      return Array.from({ length: count }, (_, i) =>
        Object.fromEntries((field.columns ?? []).map((c) => [c.key, sampleValue(c, ctx, false, i)])),
      );
    }
  }
}

/** Organisation and contact values for `from` fields. */
export const SAMPLE_ORG: Record<string, string> = {
  'org.name': '广州市示例智能装备股份有限公司',
  'org.uscc': '91440101MA59XXXX2B',
  'org.address': '广东省广州市黄埔区科学城开源大道11号A栋8楼',
  'org.orgType': '股份有限公司（非上市）',
  'org.registeredCapital': '12000',
  'org.operatingYears': '9',
  'org.establishedOn': '2015-06-18',
  'org.regionName': '广东省广州市黄埔区',
  'org.legalRepresentative': '陈志强',
  'contact.name': '王芳',
  'contact.position': '战略发展部经理',
  'contact.mobile': '13900139000',
  'contact.email': 'wangfang@example.com',
};
