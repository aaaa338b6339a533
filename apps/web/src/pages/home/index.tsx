import { useState } from 'react';
import { Alert, Button, Card, Result, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { useRequest } from '../../api/useRequest';
import { PageLoading } from '../../components/PageLoading';
import { fetchOrganisation } from '../organisation/api';
import { OnboardingSteps } from '../organisation/components/OnboardingSteps';
import { nextOnboardingStep, ONBOARDING_STEPS } from '../organisation/progress';
import { fetchApplications } from './api';
import { ApplicationList } from './components/ApplicationList';
import { StartApplicationModal } from './components/StartApplicationModal';

const NEXT_TEXT: Record<string, string> = {
  '/entry': '请先选择申报类别（企业类或城市类）。',
  '/certify': '请完成单位认证：系统将导入工商登记信息，所属地一经认证不能更改。',
  '/contact': '请填写联系人信息，用于申报期间有关问题的及时联系。',
};

export function HomePage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const isApplicant = user?.role === 'applicant';
  const org = useRequest((signal) => (isApplicant ? fetchOrganisation(signal) : Promise.resolve(null)), [isApplicant]);
  const step = nextOnboardingStep(org.data);
  const ready = isApplicant && !!org.data && step.path === null;
  const apps = useRequest((signal) => (ready ? fetchApplications(signal) : Promise.resolve([])), [ready]);

  if (user?.role === 'authority') return <Navigate to="/authority" replace />;
  if (user?.role === 'expert') return <Navigate to="/expert" replace />;
  if (!isApplicant) {
    return <Result status="info" title="欢迎使用服务型制造示范遴选申报平台" subTitle="主管部门和专家的功能即将开放。" />;
  }
  if (org.loading && org.data === undefined) return <PageLoading />;
  if (org.error) return <Alert type="error" showIcon title={org.error.message} action={<Button onClick={org.reload}>重试</Button>} />;

  const items = apps.data ?? [];
  const anySubmitted = items.some((a) => a.status === 'submitted');
  const current = step.path ? step.index : anySubmitted ? 4 : 3;

  return (
    <>
      <OnboardingSteps current={current} done={anySubmitted} />
      {step.path ? (
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            下一步：{ONBOARDING_STEPS[step.index]}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{NEXT_TEXT[step.path]}</Typography.Paragraph>
          <Button type="primary" size="large" onClick={() => step.path && navigate(step.path)} data-testid="continue-onboarding">
            继续
          </Button>
        </Card>
      ) : (
        <>
          {org.data && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              申报单位：<Typography.Text strong>{org.data.name}</Typography.Text>
              {org.data.regionName ? `（${org.data.regionName}）` : ''}
              <Button type="link" size="small" onClick={() => navigate('/contact')}>
                修改联系人
              </Button>
            </Typography.Paragraph>
          )}
          <ApplicationList items={items} loading={apps.loading} onStart={() => setStarting(true)} />
          {org.data && <StartApplicationModal entry={org.data.entry} open={starting} onClose={() => setStarting(false)} />}
        </>
      )}
    </>
  );
}
