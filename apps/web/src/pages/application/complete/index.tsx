import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { FilePdfOutlined, HomeOutlined } from '@ant-design/icons';
import { Link, useLocation, useParams } from 'react-router';
import { categoryTitle } from '@fw/shared';
import { PageLoading } from '../../../components/PageLoading';
import { LoadFailed } from '../shared/LoadFailed';
import { applicationApi } from '../shared/api';
import { formatDateTime } from '../shared/format';
import { useApplicationData } from '../shared/useApplicationData';
import '../shared/application.css';

interface SubmitResult {
  number?: string;
  submittedAt?: string;
}

/** /applications/:id/complete — the application number, the PDF, and what to do with the paper copy. */
export function ApplicationCompletePage() {
  const { id } = useParams();
  const location = useLocation();
  const { data, error, reload } = useApplicationData(id);
  if (!data) return error ? <LoadFailed error={error} onRetry={reload} /> : <PageLoading />;
  const { app } = data;
  const fresh = (location.state ?? {}) as SubmitResult;
  // The application is the truth after a reload; the submit answer covers a slow read.
  const number = app.currentNumber ?? fresh.number ?? null;
  const submittedAt = app.submittedAt ?? fresh.submittedAt ?? null;

  if (!number) {
    return (
      <Result
        status="info"
        title="该申报书尚未提交"
        extra={
          <Link to={`/applications/${app.id}/edit`}>
            <Button type="primary">去填写</Button>
          </Link>
        }
      />
    );
  }

  return (
    <div className="application-complete">
      <Result
        status="success"
        title="申报书已提交"
        subTitle={`${categoryTitle(app.category, app.subType)} · 提交时间 ${formatDateTime(submittedAt)}`}
        style={{ paddingBottom: 8 }}
      />
      <Card className="edit-section" style={{ textAlign: 'center' }}>
        <div style={{ color: '#6b7280', marginBottom: 4 }}>申报编号</div>
        <Typography.Paragraph copyable={{ text: number, tooltips: ['复制', '已复制'] }} className="complete-number" data-testid="application-number">
          {number}
        </Typography.Paragraph>
        <Space wrap style={{ justifyContent: 'center' }}>
          <Button type="primary" size="large" icon={<FilePdfOutlined />} href={applicationApi.pdfUrl(app.id)} download data-testid="btn-pdf">
            导出PDF文档报告
          </Button>
        </Space>
      </Card>
      {app.status === 'modified' ? (
        <Alert className="edit-alert" type="warning" showIcon title="提交后申报书又有修改，请重新提交；纸质材料须使用最后一次提交的编号。" />
      ) : null}
      <Card title="后续步骤" className="edit-section">
        <ol className="complete-steps">
          <li>点击“导出PDF文档报告”，下载申报书PDF文档，用A4纸打印。</li>
          <li>在申报书规定位置加盖单位公章，并在申报书侧边加盖骑缝章。</li>
          <li>
            纸质申报书上的申报编号必须与本页的电子申报编号 <Typography.Text strong className="mono">{number}</Typography.Text>{' '}
            一致；如在截止前修改并重新提交，会生成新的编号，须使用最后一次提交的编号重新打印。
          </li>
          <li>将盖章后的纸质申报书连同随附材料，按通知要求寄送至所在地工业和信息化主管部门。</li>
        </ol>
      </Card>
      <Space wrap>
        <Link to="/">
          <Button icon={<HomeOutlined />}>返回首页</Button>
        </Link>
        <Link to={`/applications/${app.id}/edit`}>
          <Button>查看申报书</Button>
        </Link>
      </Space>
    </div>
  );
}

// The route lazy-loads a default export.
export default ApplicationCompletePage;
