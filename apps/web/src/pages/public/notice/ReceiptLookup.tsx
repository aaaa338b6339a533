import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { OBJECTION_STATUS_LABELS } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { fetchObjectionAnswer, type ObjectionAnswer } from './api';
import { beijingText } from './logic';

/** 查询处理结果: the receipt and the contact given with the objection. */
export function ReceiptLookup() {
  const [found, setFound] = useState<ObjectionAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = async (v: { receipt: string; contact: string }) => {
    setBusy(true);
    setError(null);
    try {
      setFound(await fetchObjectionAnswer(v.receipt, v.contact.trim()));
    } catch (e) {
      setFound(null);
      setError(isApiError(e) ? e.message : '查询失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form layout="vertical" onFinish={(v: { receipt: string; contact: string }) => void ask(v)} requiredMark={false}>
        <Form.Item name="receipt" label="回执编号" rules={[{ required: true, message: '请输入回执编号' }]}>
          <Input placeholder="YY-XXXX-XXXX-XXXX" maxLength={20} />
        </Form.Item>
        <Form.Item name="contact" label="提交时填写的联系方式" rules={[{ required: true, message: '请输入联系方式' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Button htmlType="submit" loading={busy} block>
          查询
        </Button>
      </Form>
      {error ? <Alert type="warning" showIcon title={error} style={{ marginTop: 16 }} /> : null}
      {found ? (
        <Descriptions
          bordered
          column={1}
          size="small"
          style={{ marginTop: 16 }}
          items={[
            { key: 'r', label: '回执编号', children: found.receipt },
            { key: 'e', label: '异议对象', children: found.entryName ?? '整个名单' },
            { key: 's', label: '处理状态', children: OBJECTION_STATUS_LABELS[found.status] },
            { key: 'l', label: '提交时间', children: beijingText(found.lodgedAt) },
            ...(found.answer ? [{ key: 'a', label: '答复', children: found.answer }] : []),
          ]}
        />
      ) : null}
    </>
  );
}
