import { useState } from 'react';
import { Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { UPLOAD_SLOTS } from '@fw/shared';
import type { ReopenScope } from '../../api';

interface Props {
  open: boolean;
  sections: { key: string; title: string }[];
  submitting: boolean;
  onSubmit: (body: { reason: string; expiresAt: string; scope: ReopenScope }) => void;
  onCancel: () => void;
}

interface Values {
  reason: string;
  expiresAt: Dayjs;
  whole: 'whole' | 'part';
  sections: string[];
  slots: string[];
}

const MAX_DAYS = 30;

/** 临时开放修改: why, until when (at most 30 days), and what — everything or chosen sections and upload slots. */
export function ReopenModal({ open, sections, submitting, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const [whole, setWhole] = useState<'whole' | 'part'>('part');
  const finish = (v: Values) =>
    onSubmit({
      reason: v.reason.trim(),
      expiresAt: v.expiresAt.toISOString(),
      scope: v.whole === 'whole' ? { whole: true, sections: [], slots: [] } : { whole: false, sections: v.sections ?? [], slots: v.slots ?? [] },
    });
  return (
    <Modal
      open={open}
      title="临时开放修改"
      okText="开放修改"
      cancelText="取消"
      okButtonProps={{ loading: submitting, 'data-testid': 'btn-reopen-submit' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ whole: 'part', sections: [], slots: [], expiresAt: dayjs().add(3, 'day').hour(17).minute(0).second(0) }}
        onFinish={finish}
        onValuesChange={(c: Partial<Values>) => c.whole && setWhole(c.whole)}
      >
        <Form.Item name="reason" label="开放原因（申报主体可见）" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '请填写2-200字的开放原因' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="例如：营业收入数据填写有误，请更正后重新提交" data-testid="reopen-reason" />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label="开放截止时间（到期自动关闭）"
          rules={[
            { required: true, message: '请选择截止时间' },
            {
              validator: (_, v?: Dayjs) =>
                !v || (v.isAfter(dayjs()) && v.isBefore(dayjs().add(MAX_DAYS, 'day'))) ? Promise.resolve() : Promise.reject(new Error(`截止时间须在现在之后、${MAX_DAYS}天以内`)),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: 220 }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(MAX_DAYS, 'day'), 'day')}
            data-testid="reopen-expires"
          />
        </Form.Item>
        <Form.Item name="whole" label="开放范围">
          <Radio.Group
            options={[
              { value: 'part', label: '部分内容' },
              { value: 'whole', label: '全部内容' },
            ]}
          />
        </Form.Item>
        {whole === 'part' ? (
          <>
            <Form.Item name="sections" label="申报表栏目">
              <Checkbox.Group options={sections.map((s) => ({ value: s.key, label: s.title }))} style={{ display: 'grid', gap: 4 }} />
            </Form.Item>
            <Form.Item
              name="slots"
              label="上传材料"
              dependencies={['sections']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v?: string[]) =>
                    (v?.length ?? 0) + ((getFieldValue('sections') as string[] | undefined)?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error('请至少选择一个栏目或一类上传材料')),
                }),
              ]}
            >
              <Checkbox.Group options={UPLOAD_SLOTS.map((s) => ({ value: s.key, label: s.label }))} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
