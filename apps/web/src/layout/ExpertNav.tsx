import { Menu } from 'antd';
import { AuditOutlined, SafetyOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import './expertNav.css';

/** The experts' menu; the key of each item is the path it opens. */
const ITEMS = [
  { key: '/expert', icon: <AuditOutlined />, label: '我的评审任务' },
  { key: '/security', icon: <SafetyOutlined />, label: '账号安全' },
];

/** A horizontal menu under the top bar for expert accounts. */
export function ExpertNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const selected = ITEMS.find((i) => pathname === i.key || pathname.startsWith(`${i.key}/`))?.key ?? '/expert';
  return (
    <nav className="expert-nav" data-testid="expert-nav">
      <div className="expert-nav-inner">
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          items={ITEMS}
          onClick={({ key }) => navigate(key)}
          style={{ borderBottom: 'none', background: 'transparent', minWidth: 0, flex: 1 }}
        />
      </div>
    </nav>
  );
}
