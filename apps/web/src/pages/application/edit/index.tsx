import { useParams } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { LoadFailed } from '../shared/LoadFailed';
import { useApplicationData } from '../shared/useApplicationData';
import { EditForm } from './EditForm';
import '../shared/application.css';

/** /applications/:id/edit — fill the application form and upload the materials. */
export function ApplicationEditPage() {
  const { id } = useParams();
  const { data, error, reload } = useApplicationData(id);
  if (!data) return error ? <LoadFailed error={error} onRetry={reload} /> : <PageLoading />;
  return <EditForm data={data} reload={reload} />;
}

// The route lazy-loads a default export.
export default ApplicationEditPage;
