import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Typography } from 'antd';
import { BankOutlined, ShopOutlined } from '@ant-design/icons';
import { ENTRIES, ENTRY_LABELS, type Entry } from '@fw/shared';
import { useNavigate } from 'react-router';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { OnboardingSteps } from '../components/OnboardingSteps';
import { fetchOrganisation } from '../api';
import { chooseEntry } from './api';

const HINTS: Record<Entry, { icon: ReactNode; text: string }> = {
  enterprise: { icon: <ShopOutlined />, text: '仅限企业等法人单位选择：申报示范企业、示范平台或示范项目（三选一）。' },
  city: { icon: <BankOutlined />, text: '仅限地级及以上城市（或区）人民政府选择：申报示范城市或示范区。' },
};

/** Step 1: the applicant says whether it is an enterprise or a city government. */
export function EntryPage() {
  const navigate = useNavigate();
  const org = useRequest((signal) => fetchOrganisation(signal), []);
  const [entry, setEntry] = useState<Entry>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (org.data) setEntry(org.data.entry);
  }, [org.data]);

  if (org.loading && !org.data) return <PageLoading />;
  const locked = !!org.data?.certifiedAt;

  const next = async () => {
    if (!entry) return;
    if (locked) return navigate('/');
    setSaving(true);
    try {
      await chooseEntry(entry);
      navigate('/certify');
    } catch {
      // Shown by the central handler.
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <OnboardingSteps current={0} />
      <Card title="选择申报类别">
        {locked && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="单位已完成认证，申报类别不能再更改。" />}
        <div className="entry-options" role="radiogroup" aria-label="申报类别">
          {ENTRIES.map((e) => (
            <Card
              key={e}
              className={`entry-option${entry === e ? ' selected' : ''}`}
              role="radio"
              aria-checked={entry === e}
              tabIndex={0}
              hoverable={!locked}
              onClick={() => !locked && setEntry(e)}
              onKeyDown={(ev) => {
                if (!locked && (ev.key === 'Enter' || ev.key === ' ')) setEntry(e);
              }}
              data-testid={`entry-${e}`}
            >
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                <span style={{ color: '#1b4f8f', marginRight: 8 }}>{HINTS[e].icon}</span>
                {ENTRY_LABELS[e]}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {HINTS[e].text}
              </Typography.Paragraph>
            </Card>
          ))}
        </div>
        <div style={{ marginTop: 24, textAlign: 'right' }}>
          <Button type="primary" size="large" disabled={!entry} loading={saving} onClick={() => void next()}>
            {locked ? '返回首页' : '下一步：单位认证'}
          </Button>
        </div>
      </Card>
    </>
  );
}
