import { Card } from 'antd';
import { UPLOAD_SLOTS, type FileView } from '@fw/shared';
import { applicationApi } from '../../shared/api';
import { formatBytes, shortHash } from '../../shared/format';

/** Every uploaded file per slot, with size and fingerprint, each downloadable. */
export function FilesReview({ applicationId, files }: { applicationId: string; files: FileView[] }) {
  return (
    <Card title="上传材料" className="edit-section" size="small" data-testid="review-files">
      <table className="review-table">
        <tbody>
          {UPLOAD_SLOTS.map((slot) => {
            const list = files.filter((f) => f.slot === slot.key);
            return (
              <tr key={slot.key}>
                <th scope="row">{slot.label}</th>
                <td>
                  {list.length === 0 ? (
                    <span className="review-empty">{slot.required ? '未上传（必传）' : '未上传'}</span>
                  ) : (
                    list.map((f) => (
                      <div key={f.id}>
                        <a href={applicationApi.fileUrl(applicationId, f.id)} download={f.name}>
                          {f.name}
                        </a>{' '}
                        <span className="upload-row-meta">
                          {formatBytes(f.size)} · SHA-256 <span className="mono" title={f.sha256}>{shortHash(f.sha256)}</span>
                        </span>
                      </div>
                    ))
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
