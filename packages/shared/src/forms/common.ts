import type { FieldSpec } from './types.js';

/** Field builders shared by the category specs, so the same thing is asked the same way everywhere. */

export function fromOrg(key: string, label: string, path: string, type: FieldSpec['type'] = 'text'): FieldSpec {
  return { key, label, type, from: `org.${path}` };
}

/** Contact person fields (from the certified organisation's contact), as in every printed table. */
export function contactFields(): FieldSpec[] {
  return [
    { key: 'contactName', label: '联系人', type: 'text', from: 'contact.name' },
    { key: 'contactPosition', label: '职务', type: 'text', from: 'contact.position' },
    { key: 'contactMobile', label: '联系电话', type: 'mobile', from: 'contact.mobile' },
    { key: 'contactEmail', label: '电子邮箱', type: 'email', from: 'contact.email' },
  ];
}

export function count(key: string, label: string, unit: string, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { key, label, type: 'integer', unit, min: 0, required: true, ...extra };
}

export function percent(key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { key, label, type: 'number', unit: '%', min: 0, max: 100, required: true, ...extra };
}

/** Awards and titles already obtained (seed 000: awards, titles, as supporting evidence). */
export function awardsField(label: string): FieldSpec {
  return {
    key: 'awards',
    label,
    type: 'rows',
    wide: true,
    maxItems: 50,
    help: '请逐项列出奖励或示范称号，并将证书作为随附材料上传；没有可不填',
    columns: [
      { key: 'name', label: '奖励或示范称号名称', type: 'text', required: true, maxLength: 100 },
      { key: 'level', label: '级别', type: 'select', options: ['国家级', '省部级', '市级', '区级', '其他'], required: true },
      { key: 'issuer', label: '授予单位', type: 'text', maxLength: 100 },
      { key: 'obtainedOn', label: '获得时间', type: 'yearMonth' },
    ],
  };
}

/** Standards drafted or co-drafted: published or approved ones need their number (seed 000). */
export function standardsField(label: string): FieldSpec {
  return {
    key: 'standards',
    label,
    type: 'rows',
    wide: true,
    maxItems: 50,
    help: '牵头或参与编制的、与服务型制造业务有关的技术或管理标准；已发布或立项的国标/行标/团标需列出标准号/计划号及标准名称；没有可不填',
    columns: [
      { key: 'number', label: '标准号/计划号', type: 'text', required: true, maxLength: 50 },
      { key: 'name', label: '标准名称', type: 'text', required: true, maxLength: 100 },
      { key: 'kind', label: '标准类别', type: 'select', options: ['国家标准', '行业标准', '团体标准', '地方标准', '企业标准'], required: true },
      { key: 'status', label: '状态', type: 'select', options: ['已发布', '已立项'], required: true },
      { key: 'role', label: '参与方式', type: 'select', options: ['牵头', '参与'], required: true },
    ],
  };
}

/** The common eligibility conditions of enterprises, platforms and projects that the system cannot compute. */
export function commonDeclarations(): FieldSpec[] {
  return [
    { key: 'declLegalPerson', label: '申报主体在本地区注册，具有独立法人资格', type: 'declaration', required: true },
    { key: 'declSoundOperation', label: '申报主体运营和财务状况良好', type: 'declaration', required: true },
    { key: 'declNoAccident', label: '自{noViolationSince}起未发生重大质量、环保或安全事故', type: 'declaration', required: true },
    { key: 'declNoViolation', label: '没有违法行为或涉嫌违法正在接受审查的情况', type: 'declaration', required: true },
  ];
}

export function truthDeclaration(): FieldSpec {
  return {
    key: 'declTruthful',
    label: '本申报表所有材料，均真实、完整，如有不实，愿承担相应的责任。',
    type: 'declaration',
    required: true,
    help: '申报单位对所填报的相关内容真实性负责。申报材料弄虚作假的，将取消申报资格。',
  };
}

/** "其他（请注明）" next to a choice that allows it. */
export function otherSpec(key: string, label: string, field: string, value: string): FieldSpec {
  return { key, label, type: 'text', required: true, maxLength: 100, showIf: { field, in: [value] } };
}
