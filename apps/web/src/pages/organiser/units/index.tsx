import { useState } from 'react';
import { Button, Card, Tabs } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { Navigate } from 'react-router';
import { useAuth } from '../../../auth/AuthContext';
import { PageLoading } from '../../../components/PageLoading';
import { UnitTable } from './UnitTable';
import { ProposalsTab } from './ProposalsTab';
import { ImportUnitsModal } from './ImportUnitsModal';
import '../../authority/authority.css';
import './units.css';

/** /organiser/units — demonstration units of the organiser's territory: list, history import, revocation proposals. */
export default function UnitsPage() {
  const { user } = useAuth();
  const [importing, setImporting] = useState(false);
  const [version, setVersion] = useState(0);

  if (!user) return <PageLoading />;
  if (user.role !== 'authority' && user.role !== 'admin') return <Navigate to="/" replace />;
  const refresh = () => setVersion((v) => v + 1);
  // The ministry and administrators filter by province; others by the regions just below their own.
  const parentRegion = user.role === 'authority' && user.regionCode && user.regionCode !== '000000' ? user.regionCode : undefined;

  return (
    <div className="authority-page">
      <div className="authority-head">
        <h1 className="page-title">示范单位</h1>
        <span className="authority-who">{user.displayName}（{user.regionName ?? '全国'}）辖区内的服务型制造示范单位：本平台公布的和历史批次导入的</span>
      </div>
      <Card>
        <Tabs
          tabBarExtraContent={
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-units">
              导入历史示范单位
            </Button>
          }
          items={[
            { key: 'list', label: '示范单位名单', children: <UnitTable parentRegion={parentRegion} version={version} /> },
            { key: 'proposals', label: <span data-testid="proposals-tab">撤销建议</span>, children: <ProposalsTab onDecided={refresh} /> },
          ]}
        />
      </Card>
      <ImportUnitsModal open={importing} onClose={() => setImporting(false)} onImported={refresh} />
    </div>
  );
}
