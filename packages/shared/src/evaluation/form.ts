import { z } from 'zod';
import type { Category } from '../categories.js';
import { MB, type SlotSpec } from '../limits.js';
import { THIRD_NATIONAL_ROUND, type RoundConfig } from '../round.js';
import { contactFields, fromOrg } from '../forms/common.js';
import type { FormContext } from '../forms/context.js';
import type { FieldSpec, FormSpec, IndicatorSpec } from '../forms/types.js';
import { missingForSubmit, validateChanges } from '../forms/validate.js';

/**
 * The yearly evaluation form (评估评价材料, seeds 002/003): filled online by a demonstration unit with its
 * existing account, no paper. The seeds ask for "评估评价材料" and 佐证材料 without listing fields, so
 * the form asks the application's key indicators for the evaluated year only (营业收入, 服务收入 and its
 * share …), a narrative in three parts and the supporting files. It is a FormSpec, so the application
 * machinery (validateChanges, missingForSubmit, displayValue, the antd form and the PDF) serves it as is,
 * with the context of evaluationFormContext(year): one indicator year.
 */

const share: IndicatorSpec = {
  key: 'serviceShare',
  label: '服务收入占比',
  unit: '%',
  computed: { kind: 'ratio', numerator: 'serviceRevenue', denominator: 'operatingRevenue', percent: true },
};

const INDICATORS: Record<Category, IndicatorSpec[]> = {
  enterprise: [
    { key: 'operatingRevenue', label: '营业收入', unit: '万元', min: 0 },
    { key: 'serviceRevenue', label: '其中服务收入', unit: '万元', min: 0 },
    share,
    { key: 'netProfit', label: '净利润', unit: '万元' },
    { key: 'rdShare', label: '研发投入占收入比例', unit: '%', min: 0, max: 100 },
  ],
  platform: [
    { key: 'operatingRevenue', label: '平台营业收入', unit: '万元', min: 0 },
    { key: 'serviceRevenue', label: '其中服务收入', unit: '万元', min: 0 },
    share,
    { key: 'servedEnterprises', label: '服务企业数量', unit: '家', min: 0 },
    { key: 'netProfit', label: '净利润', unit: '万元' },
  ],
  project: [
    { key: 'investment', label: '项目累计投资额', unit: '万元', min: 0 },
    { key: 'operatingRevenue', label: '项目营业收入', unit: '万元', min: 0 },
    { key: 'serviceRevenue', label: '其中服务收入', unit: '万元', min: 0 },
    share,
    { key: 'servedEnterprises', label: '服务企业数量', unit: '家', min: 0 },
  ],
  city: [
    { key: 'gdp', label: 'GDP', unit: '亿元', min: 0 },
    { key: 'industrialValueAdded', label: '规模以上工业增加值', unit: '亿元', min: 0 },
    { key: 'productiveServicesValueAdded', label: '生产性服务业增加值', unit: '亿元', min: 0 },
    { key: 'specialFunds', label: '服务型制造专项资金', unit: '万元', min: 0 },
    { key: 'smOutput', label: '服务型制造企业总产值', unit: '万元', min: 0 },
  ],
  district: [],
};
INDICATORS.district = INDICATORS.city;

const NAME_LABELS: Record<Category, string> = { enterprise: '企业名称', platform: '平台名称', project: '项目名称', city: '城市名称', district: '区名称' };
const UNIT_LABELS: Record<Category, string> = { enterprise: '示范企业', platform: '示范平台', project: '示范项目', city: '示范城市', district: '示范区' };

/** Narrative limits of the three parts (characters). */
export const EVALUATION_TEXT_MAX = { summary: 3000, results: 2000, plans: 1000 } as const;

function isTerritory(category: Category): boolean {
  return category === 'city' || category === 'district';
}

function basicFields(category: Category): FieldSpec[] {
  const org = [fromOrg('orgName', NAME_LABELS[category], 'name')];
  if (!isTerritory(category)) org.push(fromOrg('uscc', '统一社会信用代码', 'uscc'));
  return [...org, fromOrg('regionName', '所属地', 'regionName'), ...contactFields()];
}

function buildSpec(category: Category): FormSpec {
  return {
    category,
    title: `服务型制造${UNIT_LABELS[category]}{latestYear}年度评估评价表`,
    sections: [
      { key: 'basic', title: '一、基本情况', description: '灰色项目来自认证信息。', fields: basicFields(category) },
      {
        key: 'indicators',
        title: '二、{latestYear}年度主要指标',
        description: isTerritory(category) ? '按统计年鉴或统计公报数据填写。' : '按{latestYear}年度财务数据填写；服务收入的说明可在佐证材料中上传。',
        fields: [{ key: 'yearIndicators', label: '{latestYear}年度主要指标', type: 'yearTable', required: true, wide: true, indicators: INDICATORS[category] }],
      },
      {
        key: 'narrative',
        title: '三、年度工作情况',
        fields: [
          {
            key: 'summary',
            label: '{latestYear}年度服务型制造发展情况',
            type: 'textarea',
            required: true,
            wide: true,
            maxLength: EVALUATION_TEXT_MAX.summary,
            help: '主要做法、服务模式创新、示范带动作用等',
          },
          { key: 'results', label: '主要成效及典型案例', type: 'textarea', required: true, wide: true, maxLength: EVALUATION_TEXT_MAX.results },
          { key: 'plans', label: '存在问题及下一步工作计划', type: 'textarea', required: true, wide: true, maxLength: EVALUATION_TEXT_MAX.plans },
        ],
      },
      {
        key: 'declarations',
        title: '声明',
        fields: [
          {
            key: 'declTruthful',
            label: '本表所填报内容及佐证材料均真实、完整，如有不实，愿承担相应的责任。',
            type: 'declaration',
            required: true,
          },
        ],
      },
    ],
  };
}

export const EVALUATION_FORM_SPECS: Record<Category, FormSpec> = {
  enterprise: buildSpec('enterprise'),
  platform: buildSpec('platform'),
  project: buildSpec('project'),
  city: buildSpec('city'),
  district: buildSpec('district'),
};

export function evaluationFormSpec(category: Category): FormSpec {
  return EVALUATION_FORM_SPECS[category];
}

/**
 * The form context of an evaluation year: the indicator table has that single year, and
 * {latestYear} in labels reads as it. `round` lends the rest (modes …; the 3rd national round by default).
 */
export function evaluationFormContext(year: number, subType: string | null = null, round: RoundConfig = THIRD_NATIONAL_ROUND): FormContext {
  return { round: { ...round, indicatorYears: [year] }, subType };
}

/** File slots of an evaluation: the narrative may also be a PDF; supporting evidence is required. */
export const EVALUATION_UPLOAD_SLOTS: readonly SlotSpec[] = [
  {
    key: 'narrative',
    label: '评估评价说明材料',
    kinds: ['doc', 'docx', 'wps', 'pdf'],
    maxBytes: 50 * MB,
    single: false,
    required: true,
    help: '年度服务型制造发展情况的说明，支持doc、docx、wps、pdf格式，单个文件不超过50MB',
  },
  {
    key: 'supporting',
    label: '佐证材料',
    kinds: ['doc', 'docx', 'wps', 'pdf', 'jpg'],
    maxBytes: 50 * MB,
    single: false,
    required: true,
    help: '审计报告或财务报表、服务收入说明、获奖证书、案例等；单个文件不超过50MB',
  },
];

/**
 * The zod schema of a complete evaluation submission (the unit's own fields; read-only ones come from
 * certification): every value parsed by the spec's field rules, computed indicators filled in, and
 * every required field present — the same checks as validateChanges + missingForSubmit, for a route body.
 */
export function evaluationSubmitSchema(category: Category, year: number, subType: string | null = null) {
  const spec = evaluationFormSpec(category);
  const ctx = evaluationFormContext(year, subType);
  // validateChanges refuses unknown keys and read-only (certification) fields by itself.
  return z.record(z.string(), z.unknown()).transform((data, zctx) => {
    const parsed = validateChanges(spec, data, ctx);
    if (!parsed.ok) {
      for (const [key, message] of Object.entries(parsed.fields)) zctx.addIssue({ code: 'custom', path: [key], message });
      return z.NEVER;
    }
    for (const m of missingForSubmit(spec, parsed.values, ctx)) zctx.addIssue({ code: 'custom', path: [m.field], message: `${m.label}：${m.message}` });
    return parsed.values;
  });
}
