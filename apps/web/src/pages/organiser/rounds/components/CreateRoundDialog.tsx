import { useMemo, useState } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { RoundTemplate } from '@fw/shared';
import { ApiError } from '../../../../api/client';
import { organiserRoundsApi } from '../api';
import { blankConfig } from '../blankConfig';
import { TemplatePreview } from './TemplatePreview';

interface Values {
  templateKey: string;
  code: string;
  name: string;
  year: number;
  filling: [Dayjs, Dayjs];
  organiserRegion?: string;
}

const BLANK = '__blank__';

/** The notice's dates when still ahead; otherwise from today for 40 days (the organiser adjusts them). */
function defaultFilling(t: RoundTemplate | undefined): [Dayjs, Dayjs] {
  const opens = t?.fillingOpensAt ? dayjs(t.fillingOpensAt) : null;
  const closes = t?.fillingClosesAt ? dayjs(t.fillingClosesAt) : null;
  if (opens && closes && closes.isAfter(dayjs())) return [opens, closes];
  const start = dayjs().startOf('day');
  return [start, start.add(40, 'day').endOf('day').second(0)];
}

/** 新建遴选批次: pick a template (preview of its categories, quotas and dates) or none, then code, name, year and filling period. */
export function CreateRoundDialog({ open, templates, isAdmin, ownRegion, onClose }: { open: boolean; templates: RoundTemplate[]; isAdmin: boolean; ownRegion: string | null; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const key = Form.useWatch('templateKey', form);
  const template = useMemo(() => templates.find((t) => t.key === key), [templates, key]);

  const pick = (k: string) => {
    const t = templates.find((x) => x.key === k);
    form.setFieldsValue({ templateKey: k, code: t?.code ?? '', name: t?.name ?? '', year: dayjs().year(), filling: defaultFilling(t), organiserRegion: t?.organiserRegion ?? form.getFieldValue('organiserRegion') });
  };

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const fromTemplate = v.templateKey !== BLANK;
      const region = isAdmin ? v.organiserRegion : (ownRegion ?? undefined);
      const created = await organiserRoundsApi.create({
        ...(fromTemplate ? { templateKey: v.templateKey } : { config: blankConfig(region ?? '000000') }),
        code: v.code.trim().toUpperCase(),
        name: v.name.trim(),
        year: v.year,
        fillingOpensAt: v.filling[0].toISOString(),
        fillingClosesAt: v.filling[1].toISOString(),
        ...(isAdmin && region ? { organiserRegion: region } : {}),
      });
      onClose();
      navigate(`/organiser/rounds/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = Object.entries(e.fields).map(([name, msg]) => ({ name: name.startsWith('filling') ? 'filling' : name, errors: [msg] }));
        form.setFields(fields.filter((f) => ['code', 'name', 'year', 'filling', 'organiserRegion', 'templateKey'].includes(f.name)) as never);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="新建遴选批次" open={open} onCancel={onClose} onOk={() => void submit()} okText="创建草稿" cancelText="取消" confirmLoading={saving} width={960} style={{ top: 24 }} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ year: dayjs().year(), filling: defaultFilling(undefined) }}>
        <Row gutter={20}>
          <Col span={9}>
            <Form.Item name="templateKey" label="批次模板" rules={[{ required: true, message: '请选择模板，或选择不使用模板' }]}>
              <Radio.Group onChange={(e) => pick(e.target.value as string)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="template-choice">
                {templates.map((t) => (
                  <Radio key={t.key} value={t.key}>
                    <div>{t.name}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t.year}年 · 代码 {t.code}
                    </Typography.Text>
                  </Radio>
                ))}
                <Radio value={BLANK}>
                  <div>不使用模板</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    按全国通知的表单和模式起步，名额自行设定
                  </Typography.Text>
                </Radio>
              </Radio.Group>
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="code" label="批次代码" tooltip="用于申报编号，如 N3-440300-E00017K" rules={[{ required: true, message: '请填写批次代码' }, { pattern: /^[A-Za-z0-9]{1,8}$/, message: '1至8位字母或数字' }]} normalize={(v: string) => v?.toUpperCase()}>
                  <Input maxLength={8} placeholder="如 N4" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="name" label="批次名称" rules={[{ required: true, message: '请填写批次名称' }, { min: 2, message: '批次名称至少2个字' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="filling" label="填报时间" rules={[{ required: true, message: '请选择填报开始和截止时间' }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            {isAdmin ? (
              <Form.Item name="organiserRegion" label="组织单位地区代码" rules={[{ required: true, message: '请填写组织单位地区代码' }, { pattern: /^\d{6}$/, message: '6位数字' }]}>
                <Input maxLength={6} placeholder="000000 为工业和信息化部" />
              </Form.Item>
            ) : null}
          </Col>
          <Col span={15} style={{ maxHeight: 'calc(100vh - 200px)', overflowY: 'auto' }}>
            {template ? (
              <TemplatePreview template={template} />
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 32 }}>
                {key === BLANK ? '不使用模板：创建后在批次设置中填写类别、模式、名额和各阶段日期。' : '选择左侧模板，在此预览其类别、名额和日期。'}
              </Typography.Paragraph>
            )}
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
