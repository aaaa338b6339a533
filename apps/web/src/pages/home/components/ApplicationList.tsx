import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { APPLICATION_STATUS_LABELS, categoryTitle, type ApplicationStatus } from '@fw/shared';
import { Link } from 'react-router';
import type { ApplicationSummary } from '../api';

const STATUS_COLORS: Record<ApplicationStatus, string> = { draft: 'processing', submitted: 'success', modified: 'warning' };

/** "我的申报": each application with its status, number and what to do next. */
export function ApplicationList({ items, loading, onStart }: { items: ApplicationSummary[]; loading: boolean; onStart: () => void }) {
  return (
    <Card
      title="我的申报"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={onStart} data-testid="start-application">
          开始新的申报
        </Button>
      }
    >
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description="还没有申报，点击“开始新的申报”" /> }}
        renderItem={(a) => (
          <List.Item
            data-testid="application-row"
            actions={[
              <Link key="edit" to={`/applications/${a.id}/edit`}>
                {a.status === 'submitted' ? '查看/修改' : '继续填报'}
              </Link>,
              a.currentNumber ? (
                <Link key="done" to={`/applications/${a.id}/complete`}>
                  提交结果
                </Link>
              ) : null,
            ].filter((x) => x !== null)}
          >
            <List.Item.Meta
              title={
                <Space wrap size={8}>
                  <span>{categoryTitle(a.category, a.subType)}</span>
                  <Tag color={STATUS_COLORS[a.status]}>{APPLICATION_STATUS_LABELS[a.status]}</Tag>
                </Space>
              }
              description={
                <Space wrap size={[16, 4]}>
                  <span>{a.roundName}</span>
                  {a.currentNumber && (
                    <span>
                      申报编号 <Typography.Text code>{a.currentNumber}</Typography.Text>
                    </span>
                  )}
                  <span>更新于 {dayjs(a.updatedAt).format('YYYY-MM-DD HH:mm')}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
