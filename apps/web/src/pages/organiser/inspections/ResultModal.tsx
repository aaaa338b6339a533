import { useEffect, useState } from 'react';
import { Descriptions, Form, Input, Modal, Radio } from 'antd';
import { FINDINGS_REQUIRED, INSPECTION_LIMITS, INSPECTION_OUTCOMES, INSPECTION_RESULT_LABELS, type InspectionOutcome, type InspectionView } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { Attachments } from './Attachments';

interface FormValues {
  result: InspectionOutcome;
  findings: string;
}

export interface ResultModalProps {
  roundId: string;
  inspection: InspectionView | null;
  /** Past the inspection day (a result before it is refused by the server too). */
  canRecord: boolean;
  onClose: () => void;
  onSubmit: (values: FormValues) => Promise<void>;
  onFilesChanged: () => void;
}

/** 记录考察结论: the result, the findings (required unless passed) and the attachments. */
export function ResultModal({ roundId, inspection, canRecord, onClose, onSubmit, onFilesChanged }: ResultModalProps) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const result = Form.useWatch('result', form);

  useEffect(() => {
    if (!inspection) return;
    form.resetFields();
    form.setFieldsValue({ result: inspection.result === 'scheduled' ? undefined : inspection.result, findings: inspection.findings ?? '' });
    // Only when another inspection opens: a reload after an upload must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inspection?.id, form]);

  const submit = async (v: FormValues) => {
    setSaving(true);
    try {
      await onSubmit({ result: v.result, findings: v.findings ?? '' });
    } catch (e) {
      if (isApiError(e) && e.fields.findings) form.setFields([{ name: 'findings', errors: [e.fields.findings] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="记录考察结论"
      open={!!inspection}
      width={720}
      onCancel={onClose}
      okText="保存结论"
      cancelText="关闭"
      okButtonProps={{ loading: saving, disabled: !canRecord }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {inspection ? (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="考察对象">{inspection.applicantName}</Descriptions.Item>
            <Descriptions.Item label="考察日期">{inspection.scheduledOn}</Descriptions.Item>
            <Descriptions.Item label="地点">{inspection.place}</Descriptions.Item>
            <Descriptions.Item label="考察人员">{inspection.inspectors.map((i) => i.name).join('、')}</Descriptions.Item>
          </Descriptions>
          {!canRecord ? <p className="authority-sub">考察日期未到，届时可记录结论；附件可先行上传。</p> : null}
          <Form form={form} layout="vertical" onFinish={submit} disabled={!canRecord}>
            <Form.Item name="result" label="考察结论" rules={[{ required: true, message: '请选择考察结论' }]}>
              <Radio.Group optionType="button" buttonStyle="solid" options={INSPECTION_OUTCOMES.map((r) => ({ value: r, label: INSPECTION_RESULT_LABELS[r] }))} />
            </Form.Item>
            <Form.Item
              name="findings"
              label="考察发现"
              rules={[{ validator: async (_r, v: string | undefined) => { if (result && result !== 'passed' && (v ?? '').trim().length < 5) throw new Error(FINDINGS_REQUIRED); } }]}
              extra={result && result !== 'passed' ? '不通过或有条件通过时必填（至少5个字），请写明问题与整改要求' : '可选'}
            >
              <Input.TextArea rows={5} maxLength={INSPECTION_LIMITS.findingsLength} showCount placeholder="核查情况、存在问题、整改要求等" />
            </Form.Item>
          </Form>
          <div style={{ fontWeight: 500, marginBottom: 8 }}>考察附件</div>
          <Attachments roundId={roundId} inspection={inspection} onChanged={onFilesChanged} />
        </>
      ) : null}
    </Modal>
  );
}
