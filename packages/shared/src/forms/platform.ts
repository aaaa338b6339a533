import type { FormSpec } from './types.js';
import { awardsField, commonDeclarations, contactFields, fromOrg, otherSpec, standardsField, truthDeclaration } from './common.js';

/** 表2 服务型制造示范平台申报表 (seed 004); operating data as seed 000 describes for platforms. */
export const PLATFORM_FORM: FormSpec = {
  category: 'platform',
  title: '表2 服务型制造示范平台申报表',
  sections: [
    {
      key: 'basic',
      title: '一、平台基本情况',
      description: '灰色项目来自认证信息，如需更正请修改认证信息或联系人信息。',
      fields: [
        { key: 'platformName', label: '平台名称', type: 'text', required: true, maxLength: 100 },
        { key: 'website', label: '网址', type: 'text', required: true, maxLength: 200, placeholder: 'https://' },
        fromOrg('address', '注册地址', 'address'),
        { key: 'mainBusiness', label: '主营业务', type: 'text', required: true, maxLength: 200 },
        {
          key: 'launchedOn',
          label: '平台正式投入运营时间',
          type: 'date',
          required: true,
          help: '截至申报日，平台正式投入运营时间须满{minPlatformYears}年',
        },
        { key: 'operatingYears', label: '经营时长', type: 'integer', unit: '年', from: 'org.operatingYears', help: '运营主体截至目前的经营时长，按成立日期计算' },
        fromOrg('operator', '运营主体', 'name'),
        fromOrg('operatorUscc', '运营主体统一社会信用代码', 'uscc'),
        fromOrg('regionName', '所属地', 'regionName'),
        { key: 'industry', label: '所在行业', type: 'text', required: true, maxLength: 50 },
        fromOrg('legalRepresentative', '法人代表', 'legalRepresentative'),
        ...contactFields(),
        { key: 'operatorNature', label: '运营主体性质', type: 'select', options: ['企业', '事业单位', '社会组织', '其他'], required: true },
        otherSpec('operatorNatureOther', '其他运营主体性质（请注明）', 'operatorNature', '其他'),
        fromOrg('registeredCapital', '注册资本', 'registeredCapital'),
        {
          key: 'investors',
          label: '主要投资方',
          type: 'rows',
          required: true,
          minItems: 1,
          maxItems: 20,
          wide: true,
          columns: [
            { key: 'name', label: '主要投资方名称', type: 'text', required: true, maxLength: 100 },
            { key: 'nature', label: '性质', type: 'text', required: true, maxLength: 30, placeholder: '如：国有企业、民营企业、自然人' },
            { key: 'share', label: '投资比例', type: 'number', unit: '%', min: 0, max: 100, required: true },
          ],
        },
        awardsField('申报平台已获得的市级、区级奖励及示范称号'),
        standardsField('请列举参与制定的服务相关标准'),
        { key: 'avgServiceWeeks', label: '服务项目平均完成实施周期（按周计）', type: 'number', unit: '周', min: 0, required: true },
      ],
    },
    {
      key: 'operation',
      title: '二、运营情况',
      description: '资产总额、用户规模以年末时点数填写。',
      fields: [
        {
          key: 'indicators',
          label: '运营指标',
          type: 'yearTable',
          required: true,
          wide: true,
          indicators: [
            { key: 'totalAssets', label: '资产总额', unit: '万元', min: 0 },
            { key: 'operatingRevenue', label: '营业收入', unit: '万元', min: 0 },
            { key: 'serviceRevenue', label: '其中平台服务收入', unit: '万元', min: 0 },
            { key: 'netProfit', label: '净利润', unit: '万元' },
            { key: 'users', label: '用户规模', unit: '个', min: 0 },
          ],
        },
      ],
    },
    {
      key: 'kind',
      title: '三、申报类型',
      fields: [
        { key: 'platformType', label: '平台类型', type: 'select', options: ['从制造业企业衍生出的服务平台', '第三方专业服务平台'], required: true },
        { key: 'appServiceProvider', label: '是否为应用服务提供商', type: 'boolean', required: true },
        // The shared kind has exactly one mode; the other kind chooses several, never the shared one.
        { key: 'sharedModes', label: '服务型制造主要模式', type: 'multiselect', optionSource: 'modes', fixed: 'sharedMode', showIf: { field: '$subType', in: ['shared'] } },
        {
          key: 'modes',
          label: '服务型制造主要模式',
          type: 'multiselect',
          optionSource: 'modes',
          excludeSharedMode: true,
          required: true,
          minItems: 1,
          wide: true,
          help: '其他类平台可根据实际情况多项选择',
          showIf: { field: '$subType', in: ['other'] },
        },
        otherSpec('modesOther', '其他创新模式（请注明）', 'modes', '其他创新模式'),
      ],
    },
    {
      key: 'declarations',
      title: '申报条件声明',
      description: '以下条件系统无法核实，请逐项确认后勾选。',
      fields: [
        ...commonDeclarations(),
        {
          key: 'declPlatformKind',
          label: '申报平台为从制造业企业衍生出的服务平台或第三方专业服务平台（含应用服务提供商），或高等院校、科研院所、行业组织等服务机构',
          type: 'declaration',
          required: true,
        },
        truthDeclaration(),
      ],
    },
  ],
};
