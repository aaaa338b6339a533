import type { FormSpec } from '@fw/shared';
import type { ApplicationBookInput } from './applicationBook.js';

/**
 * A small form in the shape of 附件2 表1 with every field type, fully filled. Used by the tests
 * and by sample.ts; the real specs live in @fw/shared.
 */
export const SAMPLE_SPEC: FormSpec = {
  category: 'platform',
  title: '表2 服务型制造示范平台申报表',
  sections: [
    {
      key: 'basic',
      title: '一、平台基本情况',
      fields: [
        { key: 'orgName', label: '运营主体', type: 'text', from: 'org.name' },
        { key: 'uscc', label: '统一社会信用代码', type: 'text', from: 'org.uscc' },
        { key: 'platformName', label: '平台名称', type: 'text', required: true },
        { key: 'website', label: '网址', type: 'text' },
        { key: 'address', label: '注册地址', type: 'text', from: 'org.address' },
        { key: 'capital', label: '注册资本', type: 'number', unit: '万元', from: 'org.registeredCapital' },
        { key: 'years', label: '经营时长', type: 'integer', unit: '年' },
        { key: 'established', label: '成立日期', type: 'date', from: 'org.establishedOn' },
        { key: 'launched', label: '平台上线时间', type: 'yearMonth' },
        { key: 'legalRep', label: '法人代表', type: 'text', from: 'org.legalRepresentative' },
        { key: 'contact', label: '联系人', type: 'text', from: 'contact.name' },
        { key: 'position', label: '职务', type: 'text', from: 'contact.position' },
        { key: 'mobile', label: '联系电话', type: 'mobile', from: 'contact.mobile' },
        { key: 'email', label: '电子邮箱', type: 'email', from: 'contact.email' },
        { key: 'phone', label: '办公电话', type: 'phone' },
        {
          key: 'nature',
          label: '运营主体性质',
          type: 'select',
          options: ['企业', '事业单位', '社会组织', '其他'],
        },
        { key: 'business', label: '主营业务', type: 'textarea', maxLength: 500 },
        { key: 'awards', label: '申报平台已获得的市级、区级奖励及示范称号', type: 'textarea', maxLength: 3000 },
        {
          key: 'investors',
          label: '主要投资方',
          type: 'rows',
          columns: [
            { key: 'name', label: '主要投资方名称', type: 'text' },
            { key: 'nature', label: '性质', type: 'text' },
            { key: 'share', label: '投资比例', type: 'number', unit: '%' },
          ],
        },
      ],
    },
    {
      key: 'type',
      title: '二、申报类型',
      fields: [
        { key: 'platformKind', label: '平台类型', type: 'select', options: ['从制造业企业衍生出的服务平台', '第三方专业服务平台'] },
        { key: 'isAsp', label: '是否为应用服务提供商', type: 'boolean' },
        {
          key: 'modes',
          label: '服务型制造主要模式',
          type: 'multiselect',
          options: ['定制化服务', '供应链管理', '检验检测认证', '全生命周期管理', '总集成总承包', '节能环保服务', '生产性金融服务', '其他'],
        },
        { key: 'sharedOnly', label: '共享制造资源说明', type: 'text', showIf: { field: '$subType', in: ['shared'] } },
      ],
    },
    {
      key: 'operations',
      title: '三、经营管理状况',
      fields: [
        {
          key: 'indicators',
          label: '经营指标',
          type: 'yearTable',
          indicators: [
            { key: 'assets', label: '资产总额', unit: '万元' },
            { key: 'debtRatio', label: '资产负债率', unit: '%' },
            { key: 'revenue', label: '营业收入', unit: '万元' },
            { key: 'serviceRevenue', label: '其中服务收入', unit: '万元' },
            {
              key: 'serviceShare',
              label: '服务收入占比',
              unit: '%',
              computed: { kind: 'ratio', numerator: 'serviceRevenue', denominator: 'revenue', percent: true },
            },
            { key: 'profit', label: '净利润', unit: '万元' },
          ],
        },
        { key: 'cycle', label: '服务项目平均完成实施周期（按周计）', type: 'number', unit: '周' },
      ],
    },
    {
      key: 'declarations',
      title: '四、真实性承诺',
      fields: [
        { key: 'noViolation', label: '近三年未发生重大安全、质量、环境污染事故，无违法违规行为', type: 'declaration' },
        { key: 'truthful', label: '本申报表所有材料均真实、完整，如有不实，愿承担相应的责任', type: 'declaration' },
        { key: 'notTicked', label: '（示例）未勾选的声明', type: 'declaration' },
      ],
    },
  ],
};

const LONG_TEXT = Array.from(
  { length: 14 },
  (_, i) =>
    `${i + 1}. 2021年至2023年，平台围绕长三角产业集群开展共享制造服务，累计接入闲置设备${120 + i * 7}台，服务中小制造企业${300 + i * 11}家，` +
    '获评市级服务型制造示范平台、区级工业互联网标杆平台等称号，牵头制定《共享工厂服务规范》团体标准一项。',
).join('\n');

export const SAMPLE_SHA256 = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

/** Organisation and contact values for the `from` fields of the sample and of the real specs. */
export const SAMPLE_ORG: Record<string, string> = {
  'org.name': '深圳市智造云共享科技有限公司',
  'org.uscc': '91440300MA5F0XXX1K',
  'org.address': '广东省深圳市南山区粤海街道科技园社区科苑路15号科兴科学园B栋3单元1801室',
  'org.registeredCapital': '5000',
  'org.establishedOn': '2015-06-18',
  'org.legalRepresentative': '张明',
  'org.operatingYears': '9',
  'contact.name': '李华',
  'contact.position': '运营总监',
  'contact.mobile': '13800138000',
  'contact.email': 'lihua@example.com',
};

export function sampleInput(): ApplicationBookInput {
  return {
    number: 'N3-440305-E00017K',
    roundName: '第三批服务型制造示范遴选',
    categoryTitle: '示范平台（共享制造类）',
    applicantName: SAMPLE_ORG['org.name'],
    recommender: '广东省工业和信息化厅',
    submittedAt: new Date('2024-05-20T10:30:00+08:00'),
    spec: SAMPLE_SPEC,
    data: {
      platformName: '智造云共享工厂服务平台',
      website: 'https://www.example.com/shared-factory',
      years: 9,
      launched: '2018-03',
      phone: '0755-86001234',
      nature: '企业',
      business: '面向电子信息和精密制造行业，提供设备共享、产能对接、订单分包和生产协同等共享制造服务。',
      awards: LONG_TEXT,
      investors: [
        { name: '深圳市创新投资集团有限公司', nature: '国有企业', share: 35 },
        { name: '张明', nature: '自然人', share: 40.5 },
        { name: '粤港澳大湾区产业发展基金（有限合伙）', nature: '有限合伙企业', share: 24.5 },
      ],
      platformKind: '第三方专业服务平台',
      isAsp: true,
      modes: ['供应链管理', '全生命周期管理', '检验检测认证'],
      sharedOnly: '整合区域内数控机床、注塑设备等闲置产能，按小时计费共享。',
      indicators: {
        assets: { 2021: 18200, 2022: 21000, 2023: 25600.5 },
        debtRatio: { 2021: 42.1, 2022: 39.8, 2023: 37.2 },
        revenue: { 2021: 9800, 2022: 12600, 2023: 15100 },
        serviceRevenue: { 2021: 4100, 2022: 5900, 2023: 7800 },
        serviceShare: { 2021: null, 2022: null, 2023: null },
        profit: { 2021: 820, 2022: 1100, 2023: 1530 },
      },
      cycle: 6.5,
      noViolation: true,
      truthful: true,
      notTicked: false,
    },
    resolveFrom: (from) => SAMPLE_ORG[from] ?? '',
    indicatorYears: [2021, 2022, 2023],
    files: [
      { slot: 'license', slotLabel: '营业执照', name: '营业执照副本.pdf', size: 812_345, sha256: SAMPLE_SHA256 },
      {
        slot: 'audit',
        slotLabel: '2023年度审计报告',
        name: 'audit-report-2023-final-signed-version-with-appendix.pdf',
        size: 6_543_210,
        sha256: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
      },
      { slot: 'other', slotLabel: '其他材料', name: '客户满意度调查.xlsx', size: 20_480, sha256: '0'.repeat(64) },
    ],
    verifyUrl: 'https://fw.example.gov.cn/verify/N3-440305-E00017K?h=3f9a1c',
    opinion: '经审核，该平台申报材料真实、完整，符合申报条件，同意推荐。',
  };
}
