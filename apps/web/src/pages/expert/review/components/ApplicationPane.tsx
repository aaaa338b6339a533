import { useMemo } from 'react';
import { Button, Space, Tabs } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { formSpecFor, readOnlyValues, visibleSections, type Category, type ExpertApplicationView, type FormContext } from '@fw/shared';
import { useRequest } from '../../../../api/useRequest';
import { PageLoading } from '../../../../components/PageLoading';
import { LoadFailed } from '../../../application/shared/LoadFailed';
import { readOnlySource } from '../../../application/shared/fromValue';
import { ReviewSection } from '../../../application/confirm/components/ReviewSection';
import { formatDateTime } from '../../../application/shared/format';
import { expertApi, expertUrls } from '../../api';
import { OrganisationCard } from '../../../authority/detail/components/OrganisationCard';
import { ExpertFilesCard } from './ExpertFilesCard';

/** What experts are not given: the contact's ways of reaching the applicant. */
const WITHHELD = '不向评审专家提供';

/** The submitted application, read-only: form sections, the organisation, materials and the PDF book. */
export function ApplicationPane({ assignmentId }: { assignmentId: string }) {
  const req = useRequest((signal) => expertApi.application(assignmentId, signal), [assignmentId]);
  const view = useMemo(() => (req.data ? formView(req.data) : null), [req.data]);
  if (!req.data || !view) return req.error ? <LoadFailed error={req.error} onRetry={req.reload} /> : <PageLoading />;
  const { application: app, files } = req.data;

  return (
    <div className="expert-content" data-testid="expert-content">
      <Space wrap size={[8, 4]} className="expert-content-head">
        <span className="edit-number">申报编号 {app.number}</span>
        <span className="expert-sub">提交于 {formatDateTime(app.submittedAt).slice(0, 16)}</span>
        <Button size="small" icon={<FilePdfOutlined />} href={expertUrls.pdf(assignmentId, true)} target="_blank" rel="noopener" data-testid="btn-pdf">
          PDF申报书
        </Button>
      </Space>
      <Tabs
        items={[
          {
            key: 'form',
            label: '申报内容',
            children: view.sections.map((s) => <ReviewSection key={s.key} section={s} values={view.values} ctx={view.ctx} />),
          },
          {
            key: 'org',
            label: '申报单位',
            children: <OrganisationCard organisation={view.organisation} />,
          },
          { key: 'files', label: `上传材料（${files.length}）`, children: <ExpertFilesCard assignmentId={assignmentId} files={files} /> },
        ]}
      />
    </div>
  );
}

/** The form's sections with the submitted values; the contact's mobile and e-mail say they are withheld. */
function formView(data: ExpertApplicationView) {
  const app = data.application;
  const ctx: FormContext = { round: data.roundConfig, subType: app.subType };
  const spec = formSpecFor(app.category as Category);
  const contact = data.organisation.contact ? { ...data.organisation.contact, mobile: WITHHELD, email: WITHHELD } : null;
  const o = data.organisation;
  const organisation = { ...o, name: o.name ?? '', uscc: o.uscc ?? '', regionName: o.regionName ?? '', contact };
  const values = { ...app.data, ...readOnlyValues(spec, { ...readOnlySource(organisation), today: app.submittedAt.slice(0, 10) }, ctx) };
  return { ctx, values, sections: visibleSections(spec, values, ctx), organisation };
}
