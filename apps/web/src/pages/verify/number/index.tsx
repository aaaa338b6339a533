import type { ReactNode } from 'react';
import { Card, Descriptions, Result, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { useRequest } from '../../../api/useRequest';
import { PageLoading } from '../../../components/PageLoading';
import { verifyNumber, type VerifyResult } from './api';

type Verdict = 'current' | 'replaced' | 'missing' | 'unknown';

function verdictOf(r: VerifyResult | undefined, status: number | undefined): Verdict {
  if (r) return !r.exists ? 'missing' : r.current ? 'current' : 'replaced';
  return status === 404 ? 'missing' : 'unknown';
}

const VIEW: Record<Verdict, { color: string; icon: ReactNode; title: string }> = {
  current: { color: '#2e8b57', icon: <CheckCircleFilled />, title: '有效（最新提交版本）' },
  replaced: { color: '#d97706', icon: <ExclamationCircleFilled />, title: '已被新版本替代' },
  missing: { color: '#c62828', icon: <CloseCircleFilled />, title: '编号不存在' },
  unknown: { color: '#8a94a6', icon: <ExclamationCircleFilled />, title: '暂时无法核验，请稍后再试' },
};

/** Public check of a printed application number (the PDF's QR code points here). */
export function VerifyPage() {
  const { number = '' } = useParams();
  const { data, error, loading } = useRequest((signal) => verifyNumber(number, signal), [number]);
  if (loading && !data) return <PageLoading />;

  const verdict = verdictOf(data, error?.status);
  const view = VIEW[verdict];
  return (
    <Card>
      <Result
        icon={<span style={{ color: view.color, fontSize: 72, lineHeight: 1 }}>{view.icon}</span>}
        title={
          <span className="verify-verdict" style={{ color: view.color }} data-testid="verify-verdict">
            {view.title}
          </span>
        }
        subTitle={
          <span>
            申报编号 <span className="verify-number">{number}</span>
          </span>
        }
      />
      {data?.exists && (
        <Descriptions
          bordered
          column={1}
          size="middle"
          style={{ maxWidth: 640, margin: '0 auto' }}
          items={[
            data.organisationName && { key: 'org', label: '申报单位', children: data.organisationName },
            data.categoryTitle && { key: 'cat', label: '申报类别', children: data.categoryTitle },
            data.submittedAt && { key: 'at', label: '提交时间', children: dayjs(data.submittedAt).format('YYYY-MM-DD HH:mm') },
            !data.current &&
              data.currentNumber && {
                key: 'cur',
                label: '最新提交编号',
                children: (
                  <Typography.Text className="verify-number" copyable>
                    {data.currentNumber}
                  </Typography.Text>
                ),
              },
          ].filter((i) => !!i)}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 24, marginBottom: 0 }}>
        纸质申报书的编号须与最终提交的电子版编号一致。
      </Typography.Paragraph>
    </Card>
  );
}
