import type { FileView } from '@fw/shared';
import { PreviewableFilesCard } from '../../../application/shared/PreviewableFilesCard';
import { expertUrls } from '../../api';

/** The submitted materials per slot: download each, preview PDFs in the browser. */
export function ExpertFilesCard({ assignmentId, files }: { assignmentId: string; files: FileView[] }) {
  return <PreviewableFilesCard files={files} fileUrl={(id, inline) => expertUrls.file(assignmentId, id, inline)} testId="expert-files" rowTestId="expert-file" />;
}
