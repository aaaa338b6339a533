import type { FileView } from '@fw/shared';
import { authorityUrls } from '../../api';
import { PreviewableFilesCard } from '../../../application/shared/PreviewableFilesCard';

/** The uploaded materials per slot: download each, preview PDFs in the browser. */
export function FilesCard({ applicationId, files }: { applicationId: string; files: FileView[] }) {
  return <PreviewableFilesCard files={files} fileUrl={(id, inline) => authorityUrls.file(applicationId, id, inline)} testId="detail-files" rowTestId="detail-file" />;
}
