import { Alert, Button, Card, Descriptions } from 'antd';
import dayjs from 'dayjs';
import { Navigate, useNavigate } from 'react-router';
import { useNarrow } from '../../../components/useNarrow';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { fetchOrganisation } from '../api';
import { OnboardingSteps } from '../components/OnboardingSteps';
import { CityCertify } from './components/CityCertify';
import { EnterpriseCertify } from './components/EnterpriseCertify';
import { registryItems } from './components/fields';

/** Step 2: certify the organisation (enterprise: from the registry; city: region + USCC). */
export function CertifyPage() {
  const navigate = useNavigate();
  const narrow = useNarrow();
  const { data: org, loading, error } = useRequest((signal) => fetchOrganisation(signal), []);
  if (loading && org === undefined) return <PageLoading />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!org) return <Navigate to="/entry" replace />;

  const onCertified = () => navigate('/contact');

  if (org.certifiedAt) {
    return (
      <>
        <OnboardingSteps current={1} />
        <Card title="单位认证信息">
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`已于 ${dayjs(org.certifiedAt).format('YYYY-MM-DD HH:mm')} 完成认证，所属地信息不能再更改。`} />
          <Descriptions
            bordered
            column={{ xs: 1, sm: 1, md: 2 }}
            size={narrow ? 'small' : 'middle'}
            items={
              org.entry === 'enterprise' && org.registry
                ? registryItems({ ...org.registry, name: org.name, uscc: org.uscc, regionName: org.regionName })
                : [
                    { key: 'name', label: '单位名称', children: org.name ?? '—', span: 'filled' },
                    { key: 'uscc', label: '统一社会信用代码', children: org.uscc ?? '—' },
                    { key: 'region', label: '所属地区', children: org.regionName ?? '—' },
                  ]
            }
          />
          <div style={{ marginTop: 20, textAlign: 'right' }}>
            <Button type="primary" onClick={() => navigate(org.contact ? '/' : '/contact')}>
              {org.contact ? '返回首页' : '下一步：填写联系人'}
            </Button>
          </div>
        </Card>
      </>
    );
  }

  return (
    <>
      <OnboardingSteps current={1} />
      {org.entry === 'city' ? <CityCertify onCertified={onCertified} /> : <EnterpriseCertify onCertified={onCertified} />}
    </>
  );
}
