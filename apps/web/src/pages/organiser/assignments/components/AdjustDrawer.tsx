import { Alert, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { ASSIGNMENT_STATE_LABELS, CATEGORY_LABELS, type Category } from '@fw/shared';
import { useRequest } from '../../../../api/useRequest';
import { assignmentsApi } from '../api';
import { STATE_COLORS, type ApplicationRow } from '../model';
import { ConflictTags } from './ConflictTags';
import type { PendingOverride } from './ReasonDialog';

interface Props {
  roundId: string;
  application: ApplicationRow | null;
  /** Bumped after each override so the candidates reload. */
  version: number;
  onOverride: (p: PendingOverride) => void;
  onClose: () => void;
}

/** 调整: one application's experts (exclude) and the pool's candidates (assign), conflicts and loads shown. */
export function AdjustDrawer({ roundId, application, version, onOverride, onClose }: Props) {
  const candidates = useRequest(
    (signal) => (application ? assignmentsApi.candidates(roundId, application.id, signal) : Promise.resolve({ candidates: [] })),
    [roundId, application?.id, version],
  );
  const label = application ? `${application.number ?? ''} ${application.applicantName ?? ''}`.trim() : '';

  return (
    <Drawer open={!!application} size={760} title={`调整专家：${label}`} onClose={onClose} destroyOnHidden>
      {application ? (
        <>
          <Typography.Paragraph type="secondary">
            {CATEGORY_LABELS[application.category as Category] ?? application.category} · {application.regionName ?? application.regionCode} · 需要 {application.needed} 位，现有 {application.active} 位
          </Typography.Paragraph>
          <Typography.Title level={5}>已分配的专家</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={application.rows}
            locale={{ emptyText: '尚未分配专家' }}
            columns={[
              { title: '专家', key: 'name', width: 100, render: (_, r) => r.expert?.name ?? r.expertId },
              { title: '工作单位', key: 'employer', render: (_, r) => r.expert?.employerName },
              {
                title: '状态',
                key: 'state',
                width: 150,
                render: (_, r) => (
                  <Space size={4}>
                    <Tag color={STATE_COLORS[r.state]}>{ASSIGNMENT_STATE_LABELS[r.state]}</Tag>
                    {r.source === 'manual' ? <Tag>人工</Tag> : null}
                  </Space>
                ),
              },
              { title: '冲突', key: 'conflicts', width: 60, render: (_, r) => <ConflictTags conflicts={r.conflicts} compact /> },
              {
                title: '',
                key: 'act',
                width: 70,
                render: (_, r) =>
                  r.state === 'assigned' || r.state === 'started' ? (
                    <Button
                      size="small"
                      danger
                      type="link"
                      onClick={() => onOverride({ action: 'exclude', applicationId: application.id, expertId: r.expertId, applicationLabel: label, expertName: r.expert?.name ?? '', conflicts: [], started: r.state === 'started' })}
                    >
                      排除
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            专家库中的其他专家
          </Typography.Title>
          {candidates.error ? <Alert type="error" showIcon title={candidates.error.message} /> : null}
          <Table
            rowKey="id"
            size="small"
            loading={candidates.loading}
            dataSource={(candidates.data?.candidates ?? []).filter((c) => c.state !== 'assigned' && c.state !== 'started' && c.state !== 'scored')}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: '专家', dataIndex: 'name', width: 100 },
              { title: '工作单位', dataIndex: 'employerName' },
              { title: '负担', key: 'load', width: 80, render: (_, c) => `${c.load} / ${c.cap}` },
              {
                title: '说明',
                key: 'why',
                width: 240,
                render: (_, c) => (
                  <Space orientation="vertical" size={2}>
                    <ConflictTags conflicts={c.conflicts} />
                    {c.reviewsCategory ? null : <Tag>不评审该类别</Tag>}
                    {c.state ? <Tag>{ASSIGNMENT_STATE_LABELS[c.state]}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: '',
                key: 'act',
                width: 70,
                render: (_, c) =>
                  c.state === 'declined' ? null : (
                    <Button
                      size="small"
                      type="link"
                      danger={c.conflicts.length > 0}
                      onClick={() => onOverride({ action: 'assign', applicationId: application.id, expertId: c.id, applicationLabel: label, expertName: c.name, conflicts: c.conflicts, full: c.load >= c.cap })}
                      data-testid={`assign-${c.name}`}
                    >
                      指定
                    </Button>
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
