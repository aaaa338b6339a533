import type { FileView } from '@fw/shared';
import { applicationApi } from '../../shared/api';
import { FileFacts, SlotFilesCard } from '../../shared/SlotFilesCard';

/** Every uploaded file per slot, with size and fingerprint, each downloadable. */
export function FilesReview({ applicationId, files }: { applicationId: string; files: FileView[] }) {
  return (
    <SlotFilesCard
      testId="review-files"
      files={files}
      emptyText={(slot) => (slot.required ? '未上传（必传）' : '未上传')}
      renderFile={(f) => (
        <div key={f.id}>
          <a href={applicationApi.fileUrl(applicationId, f.id)} download={f.name}>
            {f.name}
          </a>{' '}
          <span className="upload-row-meta">
            <FileFacts file={f} />
          </span>
        </div>
      )}
    />
  );
}
