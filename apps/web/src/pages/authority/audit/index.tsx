import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Select, Table, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useRequest } from '../../../api/useRequest';
import { authorityApi, authorityUrls, type AuditEvent, type AuditQuery } from '../api';
import { useAuthorityRounds } from '../shared/useAuthorityRounds';
import { download } from '../shared/download';
import { formatDateTime } from '../../application/shared/format';
import '../authority.css';

/** The state changes an authority most often looks for (the server labels every action). */
const ACTION_FILTERS: { value: string; label: string }[] = [
  { value: 'application.submit', label: '提交申报书' },
  { value: 'region.close', label: '申报截止' },
  { value: 'region.undo_close', label: '撤销申报截止' },
  { value: 'application.reopen', label: '临时开放修改' },
  { value: 'application.reclose', label: '关闭临时开放' },
  { value: 'review.check_pass', label: '形式审查通过' },
  { value: 'review.check_return', label: '形式审查退回' },
  { value: 'review.recommend', label: '推荐' },
  { value: 'review.unrecommend', label: '取消推荐' },
  { value: 'review.rank', label: '调整推荐顺序' },
  { value: 'review.opinion', label: '填写推荐意见' },
  { value: 'review.paper', label: '纸质材料核对' },
  { value: 'personal_data.view', label: '查看联系人信息' },
  { value: 'account.create', label: '开设账号' },
];

/** /authority/audit — 操作日志 inside the authority's region (own and below), filterable, exportable. */
export function AuditPage() {
  const rounds = useAuthorityRounds();
  const [roundId, setRoundId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [action, setAction] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const q: AuditQuery = {
    roundId,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    action,
    page,
  };
  const req = useRequest((signal) => authorityApi.audit(q, signal), [roundId, q.from, q.to, action, page]);

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">操作日志</h1>
        <Button icon={<FileExcelOutlined />} onClick={() => download(authorityUrls.auditXlsx({ ...q, page: undefined }))} data-testid="btn-audit-xlsx">
          导出Excel
        </Button>
      </div>
      <Card size="small">
        <div className="authority-toolbar">
          <Select
            allowClear
            placeholder="遴选批次"
            value={roundId}
            onChange={(v?: string) => {
              setRoundId(v);
              setPage(1);
            }}
            options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            style={{ width: 240 }}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v);
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder="操作类型"
            value={action}
            onChange={(v?: string) => {
              setAction(v);
              setPage(1);
            }}
            options={ACTION_FILTERS}
            style={{ width: 170 }}
          />
        </div>
        {req.error ? <Alert className="authority-alert" type="error" showIcon title={req.error.message} action={<Button onClick={req.reload}>重试</Button>} /> : null}
        <Table<AuditEvent>
          size="small"
          rowKey={(r) => String(r.id)}
          loading={req.loading}
          dataSource={req.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: req.data?.pageSize ?? 50, total: req.data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 条`, onChange: setPage }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
            {
              title: '操作人',
              key: 'actor',
              width: 180,
              render: (_, r) => (
                <div>
                  {r.actorName ?? '—'}
                  <div className="authority-sub">{r.actorRoleLabel ?? r.actorRole ?? ''}</div>
                </div>
              ),
            },
            { title: '操作', dataIndex: 'actionLabel', width: 140, render: (v: string, r) => <Tooltip title={r.action}>{v}</Tooltip> },
            {
              title: '对象',
              key: 'subject',
              render: (_, r) =>
                r.subjectType === 'application' && r.subjectId ? (
                  <Link to={`/authority/applications/${r.subjectId}`}>{r.subjectName ?? '申报书'}</Link>
                ) : (
                  (r.subjectName ?? '—')
                ),
            },
            { title: '地区', dataIndex: 'regionName', width: 160, render: (v: string | null) => v ?? '—' },
            { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          ]}
        />
      </Card>
    </div>
  );
}

export default AuditPage;
