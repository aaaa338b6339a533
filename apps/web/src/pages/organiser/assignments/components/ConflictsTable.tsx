import { Collapse, Table, Tag, Typography } from 'antd';
import type { AssignmentPreview } from '@fw/shared';
import { ConflictTags } from './ConflictTags';

interface Props {
  preview: AssignmentPreview;
  appName: (id: string) => string;
  expertName: (id: string) => string;
}

/** Every conflict flag of the run with its reason: pairs one by one, same-region flags per region. */
export function ConflictsTable({ preview, appName, expertName }: Props) {
  return (
    <>
      <Table
        rowKey={(r) => `${r.applicationId}:${r.expertId}`}
        size="small"
        dataSource={preview.conflicts}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 对` }}
        locale={{ emptyText: '没有因单位、法定代表人或专家申报而回避的组合' }}
        data-testid="conflicts-table"
        columns={[
          { title: '申报书', key: 'app', width: 260, render: (_, r) => appName(r.applicationId) },
          { title: '专家', key: 'expert', width: 110, render: (_, r) => expertName(r.expertId) },
          { title: '回避原因', key: 'reasons', render: (_, r) => <ConflictTags conflicts={r.conflicts} /> },
          {
            title: '结果',
            key: 'assigned',
            width: 110,
            render: (_, r) => (r.assigned ? <Tag color="orange">人工指定，已忽略</Tag> : <Tag>不分配</Tag>),
          },
        ]}
      />
      {preview.regionConflicts.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            同地区回避（{preview.conflictCounts.same_region} 对）
          </Typography.Title>
          <Collapse
            size="small"
            items={preview.regionConflicts.map((g, i) => ({
              key: i,
              label: (
                <span>
                  {g.reason}：{g.applicationIds.length} 份申报书 × {g.expertIds.length} 位专家
                  {g.assigned.length ? <Tag color="orange" style={{ marginLeft: 8 }}>{g.assigned.length} 对人工指定</Tag> : null}
                </span>
              ),
              children: (
                <div className="assign-region-group">
                  <div>
                    <Typography.Text strong>专家：</Typography.Text>
                    {g.expertIds.map(expertName).join('、')}
                  </div>
                  <div>
                    <Typography.Text strong>申报书：</Typography.Text>
                    {g.applicationIds.map(appName).join('；')}
                  </div>
                </div>
              ),
            }))}
          />
        </>
      ) : null}
    </>
  );
}
