import { useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { CATEGORY_LABELS, UNIT_IMPORT_MAX_BYTES, type UnitImportPreview, type UnitImportRejected, type UnitImportResult, type UnitImportRow } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { uploadImport } from './uploadImport';
import { OUTCOME_TAGS, rejectedCellsText } from './outcome';

type Step = { kind: 'choose' } | { kind: 'uploading'; percent: number; committing: boolean } | { kind: 'preview'; preview: UnitImportPreview } | { kind: 'done'; result: UnitImportResult };

const rowColumns = (done: boolean) => [
  { title: '行', dataIndex: 'row', width: 56 },
  { title: '名称', dataIndex: 'name' },
  { title: '统一社会信用代码', dataIndex: 'uscc', width: 175, render: (v: string | null) => v ?? '–' },
  { title: '地区', dataIndex: 'regionName', width: 150 },
  { title: '类别', dataIndex: 'category', width: 80, render: (c: UnitImportRow['category']) => CATEGORY_LABELS[c] },
  { title: '批次', key: 'batch', width: 120, render: (_: unknown, r: UnitImportRow) => `${r.batch}（${r.year}）` },
  {
    title: '处理',
    key: 'outcome',
    width: 210,
    render: (_: unknown, r: UnitImportRow) => (
      <Space orientation="vertical" size={0}>
        <Tag color={OUTCOME_TAGS[r.outcome].color}>{done && r.outcome === 'new' ? '已导入' : OUTCOME_TAGS[r.outcome].label}</Tag>
        {r.matchedOrganisation ? <Typography.Text type="success">对应账号：{r.matchedOrganisation}</Typography.Text> : null}
        {r.reason ? <Typography.Text type="secondary">{r.reason}</Typography.Text> : null}
      </Space>
    ),
  },
];

const rejectedColumns = [
  { title: '行', dataIndex: 'row', width: 56 },
  { title: '内容', key: 'cells', ellipsis: true, render: (_: unknown, r: UnitImportRejected) => rejectedCellsText(r) },
  { title: '原因', key: 'reasons', width: 360, render: (_: unknown, r: UnitImportRejected) => <Typography.Text type="danger">{r.reasons.join('；')}</Typography.Text> },
];

function Report({ data, done = false }: { data: UnitImportPreview | UnitImportResult; done?: boolean }) {
  return (
    <Tabs
      size="small"
      items={[
        { key: 'rows', label: `有效行 ${data.rows.length}`, children: <Table<UnitImportRow> rowKey="row" size="small" columns={rowColumns(done)} dataSource={data.rows} pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} scroll={{ y: 330 }} /> },
        {
          key: 'rejected',
          label: <span data-testid="rejected-tab">有问题的行 {data.rejected.length}</span>,
          children: <Table<UnitImportRejected> rowKey="row" size="small" columns={rejectedColumns} dataSource={data.rejected} pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} scroll={{ y: 330 }} locale={{ emptyText: '没有有问题的行' }} />,
        },
      ]}
    />
  );
}

/** 导入历史示范单位: upload (with progress) → preview per row → confirm the same file → report. */
export function ImportUnitsModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setStep({ kind: 'choose' });
    setFile(null);
    setError(null);
    onClose();
  };
  const fail = (e: unknown, back: Step) => {
    setError(isApiError(e) ? e.message : '上传失败，请重试');
    setStep(back);
  };

  const preview = async (f: File) => {
    setError(null);
    if (f.size > UNIT_IMPORT_MAX_BYTES) return setError('文件过大，导入文件不超过10MB');
    setFile(f);
    setStep({ kind: 'uploading', percent: 0, committing: false });
    try {
      const p = await uploadImport('preview', f, (percent) => setStep({ kind: 'uploading', percent, committing: false }));
      setStep({ kind: 'preview', preview: p });
    } catch (e) {
      fail(e, { kind: 'choose' });
    }
  };

  const commit = async (p: UnitImportPreview) => {
    if (!file) return;
    setError(null);
    setStep({ kind: 'uploading', percent: 0, committing: true });
    try {
      const result = await uploadImport('commit', file, (percent) => setStep({ kind: 'uploading', percent, committing: true }), p.token);
      setStep({ kind: 'done', result });
      onImported();
    } catch (e) {
      fail(e, { kind: 'preview', preview: p });
    }
  };

  const footer =
    step.kind === 'preview'
      ? [
          <Button key="again" onClick={() => setStep({ kind: 'choose' })}>
            重新选择文件
          </Button>,
          <Button key="ok" type="primary" disabled={step.preview.counts.new === 0} onClick={() => commit(step.preview)} data-testid="confirm-import">
            确认导入 {step.preview.counts.new} 个单位
          </Button>,
        ]
      : [
          <Button key="close" onClick={close}>
            {step.kind === 'done' ? '完成' : '取消'}
          </Button>,
        ];

  return (
    <Modal title="导入历史示范单位" open={open} onCancel={close} footer={footer} width={1000} maskClosable={false} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {step.kind === 'choose' ? (
        <>
          <ul className="units-import-help">
            <li>Excel（.xlsx）或 CSV 文件，不超过10MB；第一行为表头：名称、统一社会信用代码、所属地区、示范类别、示范模式、批次、年份（可用英文表头）。</li>
            <li>所属地区可填地区代码或名称；只能导入本辖区内的单位，已有的单位（信用代码、类别和批次相同）自动跳过。</li>
            <li>先预览逐行检查结果，确认后才写入；统一社会信用代码与已认证的申报账号一致的，自动对应。</li>
          </ul>
          <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => (void preview(f), false)} data-testid="import-dragger">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入文件以预览</p>
          </Upload.Dragger>
        </>
      ) : null}
      {step.kind === 'uploading' ? (
        <div style={{ padding: '32px 0' }}>
          <Typography.Paragraph>{step.committing ? '正在导入' : '正在上传并检查'}「{file?.name}」…</Typography.Paragraph>
          <Progress percent={step.percent} status="active" />
          {step.percent === 100 ? <Typography.Text type="secondary">上传完成，正在逐行检查…</Typography.Text> : null}
        </div>
      ) : null}
      {step.kind === 'preview' ? (
        <>
          <Alert
            type={step.preview.counts.new > 0 ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            title={`「${file?.name}」：将导入 ${step.preview.counts.new} 个（其中 ${step.preview.counts.matched} 个对应已有账号），已存在跳过 ${step.preview.counts.duplicate} 个，辖区外拒绝 ${step.preview.counts.outside} 个，有问题的行 ${step.preview.counts.rejected} 行`}
          />
          <Report data={step.preview} />
        </>
      ) : null}
      {step.kind === 'done' ? (
        <>
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 8 }}
            title={`已导入 ${step.result.inserted} 个示范单位（其中 ${step.result.counts.matched} 个对应已有账号）；跳过已存在 ${step.result.counts.duplicate} 个，辖区外拒绝 ${step.result.counts.outside} 个，有问题的行 ${step.result.counts.rejected} 行`}
          />
          <Report data={step.result} done />
        </>
      ) : null}
    </Modal>
  );
}
