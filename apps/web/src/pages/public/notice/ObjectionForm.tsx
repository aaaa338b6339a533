import { useState } from 'react';
import { Alert, Button, Form, Input, Result, Select, Typography } from 'antd';
import { OBJECTION_TEXT_MAX, objectionBody, type ObjectionBody } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, zodRule } from '../../../forms/zodRule';
import { lodgeObjection, type PublicEntry } from './api';

const field = objectionBody.shape;

/** 提出异议: any visitor, during the window. The receipt is shown once, to be kept. */
export function ObjectionForm({ roundCode, entries }: { roundCode: string; entries: PublicEntry[] }) {
  const [form] = Form.useForm<ObjectionBody>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);

  if (receipt) {
    return (
      <Result
        status="success"
        title="异议已提交"
        subTitle="请保存回执编号，凭回执编号和您填写的联系方式可查询处理结果。"
        extra={
          <Typography.Text className="notice-receipt" copyable data-testid="objection-receipt">
            {receipt}
          </Typography.Text>
        }
      />
    );
  }

  const submit = async (values: ObjectionBody) => {
    setSending(true);
    setError(null);
    try {
      const res = await lodgeObjection(roundCode, values);
      setReceipt(res.receipt);
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(isApiError(e) ? e.message : '提交失败，请稍后重试');
    } finally {
      setSending(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="objection-form">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="entryId" label="异议对象">
        <Select
          allowClear
          placeholder="对整个名单提出异议（可选择具体单位）"
          options={entries.filter((e) => !e.withdrawn).map((e) => ({ value: e.id, label: `${e.position}. ${e.name}` }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="objection-entry"
        />
      </Form.Item>
      <Form.Item name="text" label="异议内容（请写明事实和理由）" rules={[zodRule(field.text)]}>
        <Input.TextArea rows={5} maxLength={OBJECTION_TEXT_MAX} showCount placeholder="至少10个字" data-testid="objection-text" />
      </Form.Item>
      <Form.Item name="name" label="姓名或单位名称" rules={[zodRule(field.name)]}>
        <Input maxLength={50} autoComplete="name" data-testid="objection-name" />
      </Form.Item>
      <Form.Item name="contact" label="联系方式（手机号码或电子邮箱）" rules={[zodRule(field.contact)]} extra="仅用于核实和答复，不会公开。">
        <Input maxLength={100} autoComplete="tel" inputMode="email" data-testid="objection-contact" />
      </Form.Item>
      {/* Left empty by people (hidden from view and from the keyboard); bots fill every field. */}
      <div className="notice-honeypot" aria-hidden="true">
        <Form.Item name="website" label="网址">
          <Input tabIndex={-1} autoComplete="off" />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={sending} block size="large" data-testid="objection-submit">
        提交异议
      </Button>
    </Form>
  );
}
