import { Menu } from 'antd';
import './authorityNav.css';
import { AuditOutlined, BarChartOutlined, ClusterOutlined, TrophyOutlined, FileSearchOutlined, ScanOutlined, TableOutlined, TeamOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import type { OrganiserRoundsResponse } from '@fw/shared';
import { useRequest } from '../api/useRequest';
import { organiserRoundsApi } from '../pages/organiser/rounds/api';

/** The authorities' menu; the key of each item is the path it opens. */
const ITEMS = [
  { key: '/authority', icon: <FileSearchOutlined />, label: '申报管理' },
  { key: '/authority/summary', icon: <TableOutlined />, label: '推荐汇总' },
  { key: '/dashboard', icon: <BarChartOutlined />, label: '数据看板' },
  { key: '/authority/paper', icon: <ScanOutlined />, label: '纸质材料核对' },
  { key: '/authority/audit', icon: <AuditOutlined />, label: '操作日志' },
  { key: '/accounts', icon: <TeamOutlined />, label: '账号管理' },
];

/** 遴选组织: the organiser's rounds and their review and publication stages. */
const ORGANISER_ITEM = { key: '/organiser/rounds', icon: <ClusterOutlined />, label: '遴选组织' };
/** 示范单位: the territory's demonstration units (history import, revocation proposals). */
const UNITS_ITEM = { key: '/organiser/units', icon: <TrophyOutlined />, label: '示范单位' };

/** The organiser menu is for those who run rounds: organisers of a round, levels that may create one, admins. */
export function showsOrganiserMenu(res: Pick<OrganiserRoundsResponse, 'rounds' | 'canCreate'> | undefined): boolean {
  return !!res && (res.rounds.length > 0 || res.canCreate);
}

/** Which item a path belongs to: summaries under a round count as 推荐汇总, other authority pages as 申报管理. */
export function activeAuthorityKey(pathname: string): string {
  if (pathname.startsWith('/accounts')) return '/accounts';
  if (pathname.startsWith(UNITS_ITEM.key)) return UNITS_ITEM.key;
  if (pathname.startsWith('/organiser')) return ORGANISER_ITEM.key;
  if (pathname.endsWith('/summary')) return '/authority/summary';
  const exact = ITEMS.find((i) => i.key !== '/authority' && pathname.startsWith(i.key));
  return exact?.key ?? '/authority';
}

/** A horizontal menu under the top bar for authority accounts. */
export function AuthorityNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // Asked once per session of the layout; a failure only hides the item.
  const organiser = useRequest((signal) => organiserRoundsApi.listQuiet(signal).catch(() => undefined), []);
  const items = showsOrganiserMenu(organiser.data) ? [...ITEMS.slice(0, 2), ORGANISER_ITEM, UNITS_ITEM, ...ITEMS.slice(2)] : ITEMS;
  return (
    <nav className="authority-nav" data-testid="authority-nav">
      <div className="authority-nav-inner">
        <Menu
          mode="horizontal"
          selectedKeys={[activeAuthorityKey(pathname)]}
          items={items}
          onClick={({ key }) => navigate(key)}
          style={{ borderBottom: 'none', background: 'transparent', minWidth: 0, flex: 1 }}
        />
      </div>
    </nav>
  );
}
