import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { DEFAULT_NOTICE_DAYS, NOTICE_BODY_MAX, NOTICE_CONTACT_MAX, NOTICE_TITLE_MAX, noticeWindowProblem, type NoticeBody } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../forms/zodRule';
import type { NoticeOverview } from './api';
import { fromBeijingPicker, nextBeijingHour, toBeijingPicker } from './beijingTime';

interface Values {
  title: string;
  body?: string;
  window: [Dayjs, Dayjs];
  contactInfo?: string;
}

/** Create or edit the notice (before it starts). The window defaults to the round's 公示期 from now. */
export function NoticeFormModal(props: {
  open: boolean;
  overview: NoticeOverview;
  onClose: () => void;
  onSubmit: (body: NoticeBody) => Promise<unknown>;
}) {
  const { overview } = props;
  const n = overview.notice;
  const days = overview.round.noticeDays ?? DEFAULT_NOTICE_DAYS;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Picker values carry Beijing wall-clock time (beijingTime.ts), as the notice page shows it.
  const start = nextBeijingHour();
  const initial: Values = n
    ? { title: n.title, body: n.body ?? undefined, window: [toBeijingPicker(n.startsAt), toBeijingPicker(n.endsAt)], contactInfo: n.contactInfo ?? undefined }
    : { title: `${overview.round.name}拟入选名单公示`, window: [start, start.add(days, 'day')], body: undefined, contactInfo: undefined };

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await props.onSubmit({ title: v.title, body: v.body, contactInfo: v.contactInfo, startsAt: fromBeijingPicker(v.window[0]).toISOString(), endsAt: fromBeijingPicker(v.window[1]).toISOString() });
      props.onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(isApiError(e) ? e.message : '保存失败');
      else if (isApiError(e) && (e.fields.startsAt || e.fields.endsAt)) form.setFields([{ name: 'window', errors: [e.fields.startsAt ?? e.fields.endsAt ?? ''] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={n ? '修改公示' : '创建公示'} open={props.open} onCancel={props.onClose} onOk={() => void submit()} okText={n ? '保存' : '创建公示'} cancelText="取消" confirmLoading={saving} width={640} destroyOnHidden>
      {!n ? <Alert type="info" showIcon title={`将列入已发布的拟入选单位${overview.releasedSelected}个；公示期默认${days}天，开始后不能修改。`} style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item name="title" label="公示标题" rules={[{ required: true, whitespace: true, message: '请填写公示标题' }, { max: NOTICE_TITLE_MAX }]}>
          <Input maxLength={NOTICE_TITLE_MAX} />
        </Form.Item>
        <Form.Item
          name="window"
          label="公示期（北京时间）"
          rules={[
            { required: true, message: '请选择公示期' },
            {
              validator: async (_r, w?: [Dayjs, Dayjs]) => {
                const problem = w && noticeWindowProblem(fromBeijingPicker(w[0]), fromBeijingPicker(w[1]));
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="body" label="公示说明">
          <Input.TextArea rows={4} maxLength={NOTICE_BODY_MAX} showCount placeholder="如：经专家评审、现场考察，现将拟入选名单予以公示……" />
        </Form.Item>
        <Form.Item name="contactInfo" label="异议受理联系方式">
          <Input.TextArea rows={2} maxLength={NOTICE_CONTACT_MAX} placeholder="联系人、电话、地址（公开显示）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
