import { Card, Space } from 'antd';
import { AuditOutlined, CarOutlined, NotificationOutlined, OrderedListOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

const STAGES = [
  { path: 'assignments', label: '评审分配', icon: <TeamOutlined /> },
  { path: 'ranking', label: '评审结果', icon: <OrderedListOutlined /> },
  { path: 'inspections', label: '现场考察', icon: <CarOutlined /> },
  { path: 'decisions', label: '遴选结果', icon: <AuditOutlined /> },
  { path: 'notice', label: '公示与发布', icon: <NotificationOutlined /> },
];

/** The round's stage pages, in the order they happen. */
export function StageLinks({ roundId }: { roundId: string }) {
  return (
    <Card size="small" title="评审与发布" data-testid="stage-links">
      <Space size="large" wrap>
        {STAGES.map((s) => (
          <Link key={s.path} to={`/organiser/rounds/${roundId}/${s.path}`}>
            {s.icon} {s.label}
          </Link>
        ))}
      </Space>
    </Card>
  );
}
