import type { Category } from '../categories.js';
import type { FieldSpec, FormSpec } from './types.js';
import { contactFields, count, fromOrg, truthDeclaration } from './common.js';

/** What differs between 表3 for a district (seed 004) and the same table for a city. */
export interface TerritoryWording {
  category: Category;
  title: string;
  nameLabel: string;
  /** 本区 / 本市 */
  here: string;
  /** 区级 / 市级: the level of the leading group. */
  ownLevel: string;
  littleGiantsLabel: string;
  digitalTitlesLabel: string;
  /** The two levels of demonstration units counted, highest first. */
  demoLevels: readonly { key: string; label: string }[];
  /** Extra sections (design cities) and declarations. */
  extraSections?: FormSpec['sections'];
  extraDeclarations?: FieldSpec[];
}

function policyRows(key: string, label: string, required: boolean): FieldSpec {
  return {
    key,
    label,
    type: 'rows',
    required,
    minItems: required ? 1 : 0,
    maxItems: 50,
    wide: true,
    help: '政策文件原文请作为随附材料上传',
    columns: [
      { key: 'title', label: '文件名称', type: 'text', required: true, maxLength: 200 },
      { key: 'docNumber', label: '文号', type: 'text', maxLength: 50 },
      { key: 'issuedOn', label: '发布时间', type: 'yearMonth', required: true },
    ],
  };
}

function demoCounts(levels: TerritoryWording['demoLevels']): FieldSpec[] {
  const kinds = [
    { key: 'Enterprises', label: '企业' },
    { key: 'Platforms', label: '平台' },
    { key: 'Projects', label: '项目' },
  ];
  return levels.flatMap((level) =>
    kinds.map((kind) => count(`${level.key}Demo${kind.key}`, `${level.label}服务型制造示范数量（${kind.label}）`, '个')),
  );
}

/** 表3: development environment, capability building and results of a city or district. */
export function territoryForm(w: TerritoryWording): FormSpec {
  return {
    category: w.category,
    title: w.title,
    sections: [
      {
        key: 'basic',
        title: '基本信息',
        description: '灰色项目来自认证信息，如需更正请修改认证信息或联系人信息。',
        fields: [fromOrg('orgName', w.nameLabel, 'name'), fromOrg('uscc', '统一社会信用代码', 'uscc'), fromOrg('regionName', '所属地', 'regionName'), ...contactFields()],
      },
      {
        key: 'environment',
        title: '一、服务型制造发展环境',
        fields: [
          policyRows('specialPolicies', `发布${w.here}推动服务型制造发展的专项政策文件名称`, true),
          policyRows('relatedPolicies', `发布推动${w.here}生产性服务业、两业融合等相关政策文件名称`, false),
          { key: 'leadingGroup', label: `有无${w.ownLevel}领导牵头的专项工作小组`, type: 'boolean', required: true },
          {
            key: 'environmentIndicators',
            label: '发展环境指标',
            type: 'yearTable',
            required: true,
            wide: true,
            indicators: [
              { key: 'gdp', label: 'GDP', unit: '亿元', min: 0 },
              { key: 'industrialValueAdded', label: '规模以上工业增加值', unit: '亿元', min: 0 },
              { key: 'industrialProfitRate', label: '规模以上工业企业利润率', unit: '%' },
              { key: 'productiveServicesValueAdded', label: '生产性服务业增加值', unit: '亿元', min: 0 },
              { key: 'specialFunds', label: '专项资金累计总额', unit: '亿元', min: 0 },
            ],
          },
          count('promoMeetings', '相关政策宣贯活动累计次数（会议）', '次', { help: '服务型制造工作开展以来' }),
          count('promoTrainings', '相关政策宣贯活动累计次数（培训）', '次', { help: '服务型制造工作开展以来' }),
          count('promoOther', '相关政策宣贯活动累计次数（其他类）', '次', { help: '服务型制造工作开展以来' }),
        ],
      },
      {
        key: 'capability',
        title: '二、服务型制造能力建设',
        fields: [
          {
            key: 'capabilityIndicators',
            label: '能力建设指标',
            type: 'yearTable',
            required: true,
            wide: true,
            indicators: [
              { key: 'rdShareOfGdp', label: '全社会研发投入占GDP比重', unit: '%', min: 0, max: 100 },
              { key: 'patentsPerMillion', label: '每百万人发明专利授权数', unit: '个', min: 0 },
              { key: 'littleGiants', label: w.littleGiantsLabel, unit: '个', min: 0 },
            ],
          },
          { key: 'industrialUpgrade', label: '工业稳增长和转型升级成效明显', type: 'boolean', required: true },
          { key: 'digitalProgress', label: '建设信息基础设施和推进产业数字化成效明显', type: 'boolean', required: true },
          {
            key: 'digitalTitles',
            label: w.digitalTitlesLabel,
            type: 'textarea',
            required: true,
            maxLength: 1000,
            wide: true,
            help: '包括工业互联网平台、企业上云、智能制造、两化融合贯标等方面称号名称及数量',
          },
        ],
      },
      {
        key: 'results',
        title: '三、服务型制造发展成效（截至{latestYear}年12月31日）',
        fields: [
          count('smEnterprises', '服务型制造企业数量', '个'),
          { key: 'smOutput', label: '服务型制造企业总产值', type: 'number', unit: '万元', min: 0, required: true },
          ...demoCounts(w.demoLevels),
        ],
      },
      ...(w.extraSections ?? []),
      {
        key: 'declarations',
        title: '填报单位意见及真实性承诺',
        fields: [...(w.extraDeclarations ?? []), truthDeclaration()],
      },
    ],
  };
}
