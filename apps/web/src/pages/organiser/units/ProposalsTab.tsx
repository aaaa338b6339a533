import { useState } from 'react';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CATEGORY_LABELS, type RevocationProposalView } from '@fw/shared';
import { useRequest } from '../../../api/useRequest';
import { unitsApi } from './api';
import { DecisionModal } from './DecisionModal';

/** The current Beijing year (the proposals default to the latest graded year, the server says which). */
const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/** 撤销建议: what the revocation rules propose for the territory's active units, to confirm or dismiss. */
export function ProposalsTab({ onDecided }: { onDecided: () => void }) {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [open, setOpen] = useState<{ proposal: RevocationProposalView; decision: 'confirm' | 'dismiss' } | null>(null);
  const res = useRequest((signal) => unitsApi.proposals(year, signal), [year]);
  const shownYear = res.data?.evaluationYear ?? year ?? thisYear();

  const columns: ColumnsType<RevocationProposalView> = [
    {
      title: '示范单位',
      key: 'name',
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <span className="authority-name">{p.name}</span>
          <span className="authority-sub">{[p.uscc, p.regionName].filter(Boolean).join(' · ')}</span>
        </Space>
      ),
    },
    { title: '类别 / 批次', key: 'batch', width: 140, render: (_, p) => `${CATEGORY_LABELS[p.category]} · ${p.batch}` },
    {
      title: '评估记录',
      key: 'history',
      width: 150,
      render: (_, p) => (p.history.length ? p.history.map((h) => <div key={h}>{h}</div>) : <Typography.Text type="secondary">无</Typography.Text>),
    },
    { title: '经营状态', key: 'status', width: 100, render: (_, p) => (p.businessStatus ? <Tag>{p.businessStatus}</Tag> : <Typography.Text type="secondary">未知</Typography.Text>) },
    {
      title: '撤销理由',
      key: 'reasons',
      width: 280,
      render: (_, p) => (
        <>
          {p.reasons.map((r) => (
            <div key={r}>
              <Typography.Text type="danger">{r}</Typography.Text>
            </div>
          ))}
          {p.notes.map((n) => (
            <div key={n}>
              <Typography.Text type="secondary">{n}</Typography.Text>
            </div>
          ))}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, p) => (
        <Space size={4}>
          <Button size="small" danger onClick={() => setOpen({ proposal: p, decision: 'confirm' })} data-testid={`revoke-${p.unitId}`}>
            确认撤销
          </Button>
          <Button size="small" onClick={() => setOpen({ proposal: p, decision: 'dismiss' })}>
            不予撤销
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="authority-toolbar">
        <span>评估年度</span>
        <Select
          value={shownYear}
          onChange={(y) => setYear(y)}
          style={{ width: 110 }}
          options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Typography.Text type="secondary">规则：连续三年评估为基本合格，或经营状态为吊销、注销、停业、清算的，建议撤销示范称号；由组织单位确认。</Typography.Text>
      </div>
      {res.error ? <Alert type="error" showIcon title={res.error.message} className="authority-alert" /> : null}
      {res.data?.problems.length ? (
        <Alert
          type="warning"
          showIcon
          className="authority-alert"
          title={`${res.data.problems.length} 个单位的评估数据有误，无法判断`}
          description={res.data.problems.map((p) => `${p.name}：${p.message}`).join('；')}
        />
      ) : null}
      <Table<RevocationProposalView>
        className="authority-table"
        rowKey="unitId"
        size="middle"
        loading={res.loading}
        columns={columns}
        dataSource={res.data?.items ?? []}
        locale={{ emptyText: `${shownYear}年度没有需要撤销的示范单位` }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <DecisionModal
        proposal={open?.proposal ?? null}
        decision={open?.decision ?? 'confirm'}
        year={shownYear}
        onClose={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          res.reload();
          onDecided();
        }}
      />
    </>
  );
}
