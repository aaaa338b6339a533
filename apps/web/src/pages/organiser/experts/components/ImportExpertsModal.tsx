import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Tabs, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { EXPERT_CSV_COLUMNS, type ExpertImportReport } from '@fw/shared';
import { expertsApi } from '../api';
import { decodeCsv, downloadText, issuedCsv, templateCsv } from '../csvText';

/** Column meanings for the help text, in the CSV's order. */
const COLUMN_HELP = ['姓名', '登录账号', '手机号（选填）', '工作单位', '单位统一社会信用代码（选填）', '地区代码（6位，如 440305）', '专业领域（用“、”分隔）', '评审类别（示范企业、示范平台…，留空为全部）'];

/** 批量导入: a CSV file in, a report out — issued accounts with their one-time passwords, rejected rows with the reason. */
export function ImportExpertsModal({ open, onClose }: { open: boolean; onClose: (imported: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ExpertImportReport | null>(null);
  const [fileName, setFileName] = useState('');
  const [saved, setSaved] = useState(false);

  const close = () => {
    const had = (report?.issued.length ?? 0) > 0;
    setReport(null);
    setSaved(false);
    onClose(had);
  };

  const upload = async (file: File) => {
    setBusy(true);
    setFileName(file.name);
    try {
      setReport(await expertsApi.importCsv(decodeCsv(await file.arrayBuffer())));
    } catch {
      // The central handler shows the message (e.g. a missing column).
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={860}
      title="批量导入专家"
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={close} disabled={!!report?.issued.length && !saved} data-testid="import-close">
          {report?.issued.length && !saved ? '请先下载初始密码' : '关闭'}
        </Button>
      }
    >
      {!report ? (
        <>
          <Typography.Paragraph>
            CSV 第一行为列名：<Typography.Text code>{EXPERT_CSV_COLUMNS.join(',')}</Typography.Text>
          </Typography.Paragraph>
          <ol className="expert-import-help">
            {EXPERT_CSV_COLUMNS.map((c, i) => (
              <li key={c}>
                <Typography.Text code>{c}</Typography.Text> {COLUMN_HELP[i]}
              </li>
            ))}
          </ol>
          <Typography.Paragraph type="secondary">支持 UTF-8 或 Excel 另存的“CSV（逗号分隔）”。有错误的行不会导入，其余行照常开设账号。</Typography.Paragraph>
          <Space>
            <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
              <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="import-file">
                选择CSV文件
              </Button>
            </Upload>
            <Button icon={<DownloadOutlined />} onClick={() => downloadText('专家导入模板.csv', templateCsv())}>
              下载模板
            </Button>
          </Space>
        </>
      ) : (
        <>
          <Alert
            type={report.rejected.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={`${fileName}：成功开设 ${report.issued.length} 个专家账号，${report.rejected.length} 行未导入`}
            description={report.issued.length ? '初始密码仅显示这一次：请立即下载并通过安全渠道交给专家本人。' : undefined}
          />
          <Tabs
            defaultActiveKey={report.rejected.length ? 'rejected' : 'issued'}
            items={[
              {
                key: 'rejected',
                label: `未导入（${report.rejected.length}）`,
                children: (
                  <Table
                    rowKey="line"
                    size="small"
                    pagination={{ pageSize: 8, hideOnSinglePage: true }}
                    dataSource={report.rejected}
                    locale={{ emptyText: '全部行均已导入' }}
                    columns={[
                      { title: '行号', dataIndex: 'line', width: 70 },
                      { title: '账号', dataIndex: 'username', width: 150 },
                      { title: '原因', dataIndex: 'message', render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text> },
                    ]}
                    data-testid="import-rejected"
                  />
                ),
              },
              {
                key: 'issued',
                label: `已开设（${report.issued.length}）`,
                children: (
                  <>
                    <Button
                      icon={<DownloadOutlined />}
                      type="primary"
                      disabled={!report.issued.length}
                      style={{ marginBottom: 8 }}
                      onClick={() => {
                        downloadText('专家初始密码.csv', issuedCsv(report));
                        setSaved(true);
                      }}
                      data-testid="import-download-passwords"
                    >
                      下载账号与初始密码
                    </Button>
                    <Table
                      rowKey="line"
                      size="small"
                      pagination={{ pageSize: 8, hideOnSinglePage: true }}
                      dataSource={report.issued}
                      columns={[
                        { title: '行号', dataIndex: 'line', width: 70 },
                        { title: '姓名', dataIndex: 'name', width: 120 },
                        { title: '账号', dataIndex: 'username', width: 160 },
                        { title: '初始密码', dataIndex: 'initialPassword', render: (p: string) => <Typography.Text code copyable>{p}</Typography.Text> },
                      ]}
                    />
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
