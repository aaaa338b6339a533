import { useParams } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { LoadFailed } from '../shared/LoadFailed';
import { useApplicationData } from '../shared/useApplicationData';
import { ConfirmView } from './ConfirmView';
import '../shared/application.css';

/** /applications/:id/confirm — read everything back, then submit. */
export function ApplicationConfirmPage() {
  const { id } = useParams();
  const { data, error, reload } = useApplicationData(id);
  if (!data) return error ? <LoadFailed error={error} onRetry={reload} /> : <PageLoading />;
  return <ConfirmView data={data} />;
}

// The route lazy-loads a default export.
export default ApplicationConfirmPage;
