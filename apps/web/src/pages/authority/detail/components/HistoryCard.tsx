import { Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import type { AuthorityDetail, Reopening } from '../../api';
import { CHECK_COLORS, CHECK_LABELS, LEVEL_NAMES } from '../../shared/labels';
import { formatDateTime } from '../../../application/shared/format';
import { scopeText } from './scopeText';

interface Props {
  detail: AuthorityDetail;
  onCloseReopening: (r: Reopening) => void;
  closingId: string | null;
  sectionTitle: (key: string) => string;
}

/** Submission numbers (superseded struck through), the lower levels' reviews and every reopening. */
export function HistoryCard({ detail, onCloseReopening, closingId, sectionTitle }: Props) {
  return (
    <>
      <Card size="small" title="提交记录" className="edit-section" data-testid="detail-submissions">
        <Table
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={detail.submissions}
          columns={[
            {
              title: '申报编号',
              dataIndex: 'number',
              render: (n: string, r) => <span className={r.status === 'superseded' ? 'mono detail-number-old' : 'mono'}>{n}</span>,
            },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => (s === 'current' ? <Tag color="green">当前有效</Tag> : <Tag>已被替代</Tag>) },
            { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
      <Card size="small" title="下级审核推荐情况" className="edit-section" data-testid="detail-lower-reviews">
        {detail.lowerReviews.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无下级审核记录" />
        ) : (
          detail.lowerReviews.map((r) => (
            <Descriptions key={`${r.level}-${r.regionName}`} size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }} title={`${r.regionName}（${LEVEL_NAMES[r.level] ?? r.level}）`}>
              <Descriptions.Item label="形式审查">
                <Tag color={CHECK_COLORS[r.checkStatus]}>{CHECK_LABELS[r.checkStatus]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="推荐">{r.recommended ? `已推荐，第${r.rank ?? '—'}位` : '未推荐'}</Descriptions.Item>
              <Descriptions.Item label="推荐意见" span={{ xs: 1, md: 3 }}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{r.opinion || '—'}</span>
              </Descriptions.Item>
            </Descriptions>
          ))
        )}
      </Card>
      <Card size="small" title="临时开放修改记录" className="edit-section" data-testid="detail-reopenings">
        {detail.reopenings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无临时开放记录" />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.reopenings}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '开放单位', dataIndex: 'byRegionName', width: 110 },
              { title: '原因', dataIndex: 'reason' },
              { title: '范围', key: 'scope', render: (_, r) => scopeText(r.scope, sectionTitle) },
              { title: '开放时间', dataIndex: 'openedAt', width: 150, render: (v: string) => formatDateTime(v).slice(0, 16) },
              { title: '到期时间', dataIndex: 'expiresAt', width: 150, render: (v: string) => formatDateTime(v).slice(0, 16) },
              {
                title: '状态',
                key: 'state',
                width: 150,
                render: (_, r) =>
                  r.active ? (
                    <Space size={4}>
                      <Tag color="orange">开放中</Tag>
                      {r.active ? (
                        <Button size="small" loading={closingId === r.id} onClick={() => onCloseReopening(r)} data-testid="btn-close-reopening">
                          关闭开放
                        </Button>
                      ) : null}
                    </Space>
                  ) : (
                    <Tag>已关闭{r.closedAt ? ` ${formatDateTime(r.closedAt).slice(5, 16)}` : ''}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
