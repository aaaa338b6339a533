import { Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
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
      <Spin spinning={loading}>
        {items.length === 0 && !loading && <Empty description="还没有申报，点击“开始新的申报”" />}
        {items.map((a) => (
          <div key={a.id} className="application-row" data-testid="application-row">
            <div className="application-row-main">
              <Space wrap size={8}>
                <Typography.Text strong>{categoryTitle(a.category, a.subType)}</Typography.Text>
                <Tag color={STATUS_COLORS[a.status]}>{APPLICATION_STATUS_LABELS[a.status]}</Tag>
              </Space>
              <div className="application-row-meta">
                <span>{a.roundName}</span>
                {a.currentNumber && (
                  <span>
                    申报编号 <Typography.Text code>{a.currentNumber}</Typography.Text>
                  </span>
                )}
                <span>更新于 {dayjs(a.updatedAt).format('YYYY-MM-DD HH:mm')}</span>
              </div>
            </div>
            <Space className="application-row-actions" wrap>
              {a.currentNumber && (
                <Link to={`/applications/${a.id}/complete`}>
                  <Button>提交结果</Button>
                </Link>
              )}
              <Link to={`/applications/${a.id}/edit`}>
                <Button type={a.status === 'submitted' ? 'default' : 'primary'}>{a.status === 'submitted' ? '查看/修改' : '继续填报'}</Button>
              </Link>
            </Space>
          </div>
        ))}
      </Spin>
    </Card>
  );
}
