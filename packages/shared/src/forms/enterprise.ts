import type { FormSpec } from './types.js';
import { awardsField, commonDeclarations, contactFields, count, fromOrg, otherSpec, percent, standardsField, truthDeclaration } from './common.js';

/** 表1 服务型制造示范企业申报表 (seed 004, with the indicator rules of seed 000). */
export const ENTERPRISE_FORM: FormSpec = {
  category: 'enterprise',
  title: '表1 服务型制造示范企业申报表',
  sections: [
    {
      key: 'basic',
      title: '一、企业基本情况',
      description: '灰色项目来自认证信息，如需更正请修改认证信息或联系人信息。',
      fields: [
        fromOrg('orgName', '企业名称', 'name'),
        fromOrg('uscc', '统一社会信用代码', 'uscc'),
        fromOrg('address', '注册地址', 'address'),
        fromOrg('orgType', '企业登记注册类型', 'orgType'),
        fromOrg('registeredCapital', '注册资本', 'registeredCapital'),
        { key: 'operatingYears', label: '经营时长', type: 'integer', unit: '年', from: 'org.operatingYears', help: '截至目前，按成立日期计算' },
        fromOrg('establishedOn', '成立日期', 'establishedOn', 'date'),
        fromOrg('regionName', '所属地', 'regionName'),
        { key: 'mainBusiness', label: '主营业务', type: 'text', required: true, maxLength: 200, wide: true },
        { key: 'industry', label: '所属行业', type: 'text', required: true, maxLength: 50 },
        fromOrg('legalRepresentative', '法人代表', 'legalRepresentative'),
        ...contactFields(),
        {
          key: 'employees',
          label: '员工总数',
          type: 'number',
          unit: '人',
          min: 0,
          required: true,
          help: '填写{latestYear}年度从业人员的年平均数：（年初从业人数+年末从业人数）/2',
        },
        count('serviceStaff', '服务型制造相关工作人员', '人', {
          help: '以{latestYear}年末数据为基础，指企业基于产品及制造过程开展服务业务所涉及的工作人员',
        }),
        percent('rdStaffShare', '研发人员占比'),
        percent('seniorQualifiedShare', '中高级职业资格人员比例'),
        count('inventionPatents', '发明专利数', '项'),
        count('utilityPatents', '实用新型专利数', '项'),
        count('designPatents', '外观设计专利数', '项'),
      ],
    },
    {
      key: 'operation',
      title: '二、经营管理状况',
      description: '资产类指标按统计年末时点数填写；服务收入指企业基于产品及制造过程提供服务获得的收入，说明或佐证材料可在文字说明或随附材料中上传。',
      fields: [
        {
          key: 'indicators',
          label: '经营指标',
          type: 'yearTable',
          required: true,
          wide: true,
          indicators: [
            { key: 'totalAssets', label: '资产总额', unit: '万元', min: 0 },
            { key: 'debtRatio', label: '资产负债率', unit: '%', min: 0 },
            { key: 'netAssets', label: '净资产', unit: '万元' },
            { key: 'operatingRevenue', label: '营业收入', unit: '万元', min: 0 },
            { key: 'serviceRevenue', label: '其中服务收入', unit: '万元', min: 0 },
            {
              key: 'serviceShare',
              label: '服务收入占比',
              unit: '%',
              computed: { kind: 'ratio', numerator: 'serviceRevenue', denominator: 'operatingRevenue', percent: true },
            },
            { key: 'netProfit', label: '净利润', unit: '万元' },
            { key: 'rdShare', label: '研发投入占收入比例', unit: '%', min: 0, max: 100 },
          ],
        },
      ],
    },
    {
      key: 'modes',
      title: '服务型制造模式',
      description: '根据实际情况，选择一个或几个主要对应的模式。',
      fields: [
        { key: 'modes', label: '服务型制造主要模式', type: 'multiselect', optionSource: 'modes', excludeSharedMode: true, required: true, minItems: 1, wide: true },
        otherSpec('modesOther', '其他创新模式（请注明）', 'modes', '其他创新模式'),
      ],
    },
    {
      key: 'content',
      title: '三、主要申报内容',
      fields: [awardsField('已获得的市级、区级奖励及示范称号'), standardsField('请列举参与制定的服务相关标准')],
    },
    {
      key: 'declarations',
      title: '申报条件声明',
      description: '以下条件系统无法核实，请逐项确认后勾选。',
      fields: [
        ...commonDeclarations(),
        { key: 'declManufacturer', label: '申报主体为具有鲜明服务型制造特点的制造业企业', type: 'declaration', required: true },
        truthDeclaration(),
      ],
    },
  ],
};
