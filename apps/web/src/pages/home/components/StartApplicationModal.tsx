import { useMemo, useState } from 'react';
import { Alert, Form, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { CATEGORY_LABELS, CATEGORY_SUB_TYPES, ENTRY_CATEGORIES, SUB_TYPE_LABELS, type Category, type Entry } from '@fw/shared';
import { useNavigate } from 'react-router';
import { useRequest } from '../../../api/useRequest';
import { fetchRounds, startApplication, type RoundSummary } from '../api';

interface StartValues {
  roundId: string;
  category: Category;
  subType?: string;
}

const isClosed = (r: RoundSummary) => !!r.fillingClosesAt && dayjs(r.fillingClosesAt).isBefore(dayjs());

/** Choose round, category and (platform/city) sub-type, then open the new application's form. */
export function StartApplicationModal({ entry, open, onClose }: { entry: Entry; open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const [creating, setCreating] = useState(false);
  const rounds = useRequest((signal) => (open ? fetchRounds(signal) : Promise.resolve(undefined)), [open]);

  const roundId = Form.useWatch('roundId', form);
  const category = Form.useWatch('category', form);

  // Only rounds offering at least one category this account may apply for.
  const usable = useMemo(
    () => (rounds.data ?? []).filter((r) => r.config.categories.some((c) => ENTRY_CATEGORIES[entry].includes(c))),
    [rounds.data, entry],
  );
  const round = usable.find((r) => r.id === roundId);
  const categories = round ? ENTRY_CATEGORIES[entry].filter((c) => round.config.categories.includes(c)) : [];
  const subTypes = category ? CATEGORY_SUB_TYPES[category] : [];

  const submit = async () => {
    const v = await form.validateFields();
    setCreating(true);
    try {
      const app = await startApplication({ roundId: v.roundId, category: v.category, subType: v.subType ?? null });
      onClose();
      navigate(`/applications/${app.id}/edit`);
    } catch {
      // Shown by the central handler.
    } finally {
      setCreating(false);
    }
  };

  return (
    <Modal
      title="开始新的申报"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="开始填报"
      confirmLoading={creating}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed: Partial<StartValues>) => {
          if ('roundId' in changed) form.setFieldsValue({ category: undefined, subType: undefined });
          if ('category' in changed) form.setFieldsValue({ subType: undefined });
        }}
      >
        <Form.Item name="roundId" label="申报批次" rules={[{ required: true, message: '请选择申报批次' }]}>
          <Select
            placeholder="请选择申报批次"
            loading={rounds.loading}
            notFoundContent={rounds.loading ? '加载中…' : '暂无开放的申报批次'}
            options={usable.map((r) => ({
              value: r.id,
              disabled: isClosed(r),
              label: `${r.name}${isClosed(r) ? '（已截止）' : r.fillingClosesAt ? `（${dayjs(r.fillingClosesAt).format('M月D日 HH:mm')}截止）` : ''}`,
            }))}
          />
        </Form.Item>
        {round && (
          <Form.Item name="category" label="申报类别" rules={[{ required: true, message: '请选择申报类别' }]}>
            <Radio.Group options={categories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
          </Form.Item>
        )}
        {subTypes.length > 0 && (
          <Form.Item name="subType" label={category === 'city' ? '城市类型' : '平台类型'} rules={[{ required: true, message: '请选择类型' }]}>
            <Radio.Group options={subTypes.map((s) => ({ value: s, label: SUB_TYPE_LABELS[s] ?? s }))} />
          </Form.Item>
        )}
        <Alert type="warning" showIcon title="首次提交后，申报类别不能再更改。" />
      </Form>
    </Modal>
  );
}
