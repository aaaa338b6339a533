import type { FormSpec } from './types.js';
import { awardsField, commonDeclarations, contactFields, fromOrg, standardsField, truthDeclaration } from './common.js';

/** 示范项目申报表: the applicant, the project and three years of project data (seed 000, 示范项目申报说明). */
export const PROJECT_FORM: FormSpec = {
  category: 'project',
  title: '服务型制造示范项目申报表',
  sections: [
    {
      key: 'basic',
      title: '一、申报单位基本情况',
      description: '灰色项目来自认证信息，如需更正请修改认证信息或联系人信息。',
      fields: [
        fromOrg('orgName', '申报单位名称', 'name'),
        fromOrg('uscc', '统一社会信用代码', 'uscc'),
        fromOrg('address', '注册地址', 'address'),
        fromOrg('orgType', '企业登记注册类型', 'orgType'),
        fromOrg('registeredCapital', '注册资本', 'registeredCapital'),
        fromOrg('establishedOn', '成立日期', 'establishedOn', 'date'),
        fromOrg('regionName', '所属地', 'regionName'),
        { key: 'mainBusiness', label: '主营业务', type: 'text', required: true, maxLength: 200, wide: true },
        { key: 'industry', label: '所属行业', type: 'text', required: true, maxLength: 50 },
        fromOrg('legalRepresentative', '法人代表', 'legalRepresentative'),
        ...contactFields(),
      ],
    },
    {
      key: 'project',
      title: '二、项目基本情况',
      fields: [
        { key: 'projectName', label: '项目名称', type: 'text', required: true, maxLength: 100, wide: true },
        { key: 'cluster', label: '服务的产业集群', type: 'text', required: true, maxLength: 100, help: '项目应围绕相关产业集群的共性制造需求建设' },
        {
          key: 'projectKinds',
          label: '项目建设内容',
          type: 'multiselect',
          options: ['共享工厂', '共性技术中心', '共享物流', '共享仓储', '共享采销', '共享人力', '其他'],
          required: true,
          minItems: 1,
          wide: true,
        },
        { key: 'startedOn', label: '项目开始实施时间', type: 'date', required: true },
        { key: 'totalInvestment', label: '项目总投资', type: 'number', unit: '万元', min: 0, required: true },
        { key: 'sharedModes', label: '服务型制造主要模式', type: 'multiselect', optionSource: 'modes', fixed: 'sharedMode', help: '示范项目面向共享制造模式遴选' },
        { key: 'summary', label: '项目简介', type: 'textarea', required: true, maxLength: 500, wide: true, help: '500字以内；详细内容请在文字说明材料中阐述' },
      ],
    },
    {
      key: 'operation',
      title: '三、项目运营情况',
      description: '以{latestYear}年末数据为基础；填写项目近三年数据，相关指标加总计算。',
      fields: [
        {
          key: 'indicators',
          label: '项目近三年数据',
          type: 'yearTable',
          required: true,
          wide: true,
          indicators: [
            { key: 'investment', label: '项目投资额', unit: '万元', min: 0 },
            { key: 'revenue', label: '项目营业收入', unit: '万元', min: 0 },
            { key: 'servedEnterprises', label: '服务企业数量', unit: '个', min: 0 },
            { key: 'sharedEquipment', label: '共享设备数量', unit: '台（套）', min: 0, optional: true },
            { key: 'jobs', label: '带动就业人数', unit: '人', min: 0, optional: true },
          ],
        },
      ],
    },
    {
      key: 'content',
      title: '四、主要申报内容',
      fields: [awardsField('已获得的奖励及示范称号'), standardsField('请列举参与制定的服务相关标准')],
    },
    {
      key: 'declarations',
      title: '申报条件声明',
      description: '以下条件系统无法核实，请逐项确认后勾选。',
      fields: [
        ...commonDeclarations(),
        {
          key: 'declClusterNeeds',
          label: '申报项目围绕相关产业集群的共性制造需求，为集群内企业提供共享服务',
          type: 'declaration',
          required: true,
        },
        truthDeclaration(),
      ],
    },
  ],
};
