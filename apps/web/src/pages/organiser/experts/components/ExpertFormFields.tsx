import { useState } from 'react';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { CATEGORIES, CATEGORY_LABELS, EXPERT_LIMITS, expertProfileSchema, issueExpertBody, isValidUscc } from '@fw/shared';
import { isApiError } from '../../../../api/client';
import { zodRule } from '../../../../forms/zodRule';
import { expertsApi } from '../api';
import type { ExpertFormValues } from '../formModel';
import { RegionPicker } from './RegionPicker';

const shape = expertProfileSchema.shape;

interface Props {
  form: FormInstance<ExpertFormValues>;
  /** Issuing asks for the login name; editing cannot change it. */
  issuing: boolean;
  /** Known fields of the pool, offered in the tag input. */
  fieldOptions: string[];
  /** The masked mobile on file (editing): typing a new one replaces it. */
  mobileMasked?: string | null;
}

/** The expert's profile: identity, employer (looked up in the registry by USCC), region, what and how much they review, declared conflicts. */
export function ExpertFormFields({ form, issuing, fieldOptions, mobileMasked }: Props) {
  const [looking, setLooking] = useState(false);

  const lookUp = async () => {
    const uscc = String(form.getFieldValue('employerUscc') ?? '').trim().toUpperCase();
    if (!isValidUscc(uscc)) {
      form.setFields([{ name: 'employerUscc', errors: ['请先输入正确的统一社会信用代码'] }]);
      return;
    }
    setLooking(true);
    try {
      const found = await expertsApi.employer(uscc);
      form.setFieldsValue({ employerUscc: found.uscc, employerName: found.name, employerLegalRepresentative: found.legalRepresentative });
    } catch (e) {
      form.setFields([{ name: 'employerUscc', errors: [isApiError(e) ? (e.fields.employerUscc ?? e.message) : '查询失败'] }]);
    } finally {
      setLooking(false);
    }
  };

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label="姓名" rules={[zodRule(shape.name)]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          {issuing ? (
            <Form.Item name="username" label="登录账号" rules={[zodRule(issueExpertBody.shape.username)]} extra="4–32位小写字母、数字或下划线，开设后不可修改">
              <Input maxLength={32} autoComplete="off" placeholder="如 zhang_san" />
            </Form.Item>
          ) : (
            <Form.Item name="title" label="职称/职务" rules={[zodRule(shape.title)]}>
              <Input maxLength={50} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="mobile" label="手机号" rules={[zodRule(shape.mobile)]} extra={mobileMasked ? `当前：${mobileMasked}；留空则不修改` : '选填；专家首次登录时确认联系人手机'}>
            <Input maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        {issuing ? (
          <Col span={12}>
            <Form.Item name="title" label="职称/职务" rules={[zodRule(shape.title)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item label="工作单位统一社会信用代码" extra="填写后可从工商登记信息带出单位名称与法定代表人（用于利益冲突回避）">
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="employerUscc" noStyle rules={[zodRule(shape.employerUscc)]}>
            <Input maxLength={18} placeholder="选填，18位" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Button icon={<SearchOutlined />} loading={looking} onClick={() => void lookUp()} data-testid="employer-lookup">
            查询工商信息
          </Button>
        </Space.Compact>
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="employerName" label="工作单位" rules={[zodRule(shape.employerName)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="employerLegalRepresentative" label="单位法定代表人" rules={[zodRule(shape.employerLegalRepresentative)]} extra="有统一社会信用代码时以工商登记为准">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="regionPath" label="工作单位所在地区" rules={[{ validator: async (_r, v: string[] | undefined) => { if (!v?.length) throw new Error('请选择工作单位所在地区'); } }]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="fields" label="专业领域" rules={[zodRule(shape.fields)]} extra={`可输入新的领域后回车；最多${EXPERT_LIMITS.fields}项`}>
        <Select mode="tags" tokenSeparators={['、', ',', '，', ';', '；']} options={fieldOptions.map((f) => ({ value: f, label: f }))} placeholder="如 智能制造、工业设计" />
      </Form.Item>
      <Form.Item name="categories" label="评审类别" extra="不勾选表示可评审全部类别">
        <Checkbox.Group options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="maxLoad" label="本人评审上限（份/批次）" extra="不填则按批次设置的每位专家上限">
        <InputNumber min={1} max={EXPERT_LIMITS.maxLoad} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Typography.Text strong>申报回避单位</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        专家本人申报存在利益关系的单位（如曾任职、持股、近亲属任职），分配时自动回避。
      </Typography.Paragraph>
      <Form.List name="declaredConflicts">
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <Space key={item.key} align="start" style={{ display: 'flex' }}>
                <Form.Item name={[item.name, 'uscc']} rules={[zodRule(shape.employerUscc)]} style={{ width: 220 }}>
                  <Input maxLength={18} placeholder="统一社会信用代码" />
                </Form.Item>
                <Form.Item name={[item.name, 'note']} style={{ width: 300 }}>
                  <Input maxLength={EXPERT_LIMITS.noteLength} placeholder="说明（选填），如 曾任该公司技术顾问" />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="删除" />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ uscc: '', note: '' })} disabled={items.length >= EXPERT_LIMITS.declaredConflicts}>
              添加回避单位
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
