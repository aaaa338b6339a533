import { useEffect, useState } from 'react';
import { Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CATEGORY_LABELS, INSPECTION_LIMITS, type Category, type InspectionListResponse, type InspectionView } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { fromInspectors, toInspectors } from './inspectors';

interface FormValues {
  applicationId: string;
  scheduledOn: Dayjs;
  place: string;
  poolIds: string[];
  names: string[];
}

export interface ScheduleDrawerProps {
  open: boolean;
  /** The inspection being edited; null plans a new one. */
  editing: InspectionView | null;
  data: InspectionListResponse;
  onClose: () => void;
  onSubmit: (values: { applicationId: string; scheduledOn: string; place: string; inspectors: ReturnType<typeof toInspectors> }) => Promise<void>;
}

/** 安排考察 / 修改安排: the application, the day (today or later), the place and the inspectors. */
export function ScheduleDrawer({ open, editing, data, onClose, onSubmit }: ScheduleDrawerProps) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({ applicationId: editing.applicationId, scheduledOn: dayjs(editing.scheduledOn), place: editing.place ?? '', ...fromInspectors(editing.inspectors) });
    }
  }, [open, editing, form]);

  const submit = async (v: FormValues) => {
    const inspectors = toInspectors({ poolIds: v.poolIds ?? [], names: v.names ?? [] });
    if (!inspectors.length) {
      form.setFields([{ name: 'poolIds', errors: ['请至少安排一名考察人员'] }]);
      return;
    }
    setSaving(true);
    try {
      await onSubmit({ applicationId: v.applicationId, scheduledOn: v.scheduledOn.format('YYYY-MM-DD'), place: v.place, inspectors });
    } catch (e) {
      // Field messages from the server go next to their fields; the central handler shows the rest.
      if (isApiError(e)) {
        const fields = Object.entries(e.fields).map(([k, msg]) => ({ name: k.startsWith('inspectors') ? 'poolIds' : k, errors: [msg] }));
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
      }
    } finally {
      setSaving(false);
    }
  };

  const categoryOf = (c: string) => CATEGORY_LABELS[c as Category] ?? c;
  return (
    <Drawer
      title={editing ? '修改考察安排' : '安排现场考察'}
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="inspection-save">
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ poolIds: [], names: [] }}>
        <Form.Item name="applicationId" label="考察对象" rules={[{ required: true, message: '请选择考察对象' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!!editing}
            placeholder="选择已推荐至本级的申报"
            options={data.candidates.map((c) => ({
              value: c.applicationId,
              label: `${c.name}（${categoryOf(c.category)} · ${c.regionName}）${c.openInspectionId && !editing ? ' · 已安排待考察' : ''}`,
              disabled: !editing && !!c.openInspectionId,
            }))}
          />
        </Form.Item>
        <Form.Item name="scheduledOn" label="考察日期" rules={[{ required: true, message: '请选择考察日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < data.today} />
        </Form.Item>
        <Form.Item name="place" label="考察地点" rules={[{ required: true, min: 2, message: '请填写考察地点' }]}>
          <Input maxLength={INSPECTION_LIMITS.placeLength} placeholder="如：企业生产基地、服务平台运营中心" />
        </Form.Item>
        <Form.Item name="poolIds" label="专家库专家" extra="从本单位专家库中选择">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择专家"
            options={data.pool.map((p) => ({ value: p.userId, label: `${p.name}${p.title ? ` · ${p.title}` : ''} · ${p.employerName}` }))}
          />
        </Form.Item>
        <Form.Item name="names" label="其他考察人员" extra="主管部门人员等，输入姓名后回车">
          <Select mode="tags" open={false} suffixIcon={null} placeholder="如：王处长" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
