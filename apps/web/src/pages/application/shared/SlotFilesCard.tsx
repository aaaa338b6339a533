import type { ReactNode } from 'react';
import { Card } from 'antd';
import { UPLOAD_SLOTS, type FileView, type SlotSpec } from '@fw/shared';
import { formatBytes, shortHash } from './format';

interface Props {
  files: FileView[];
  /** How one uploaded file shows (a link on the confirm page, buttons on the authority detail). */
  renderFile: (file: FileView) => ReactNode;
  /** What an empty slot says. */
  emptyText?: (slot: SlotSpec) => string;
  testId: string;
  children?: ReactNode;
}

/** The uploaded materials, one row per upload slot: the applicant's confirm page and the authority detail alike. */
export function SlotFilesCard({ files, renderFile, emptyText = () => '未上传', testId, children }: Props) {
  return (
    <Card title="上传材料" className="edit-section" size="small" data-testid={testId}>
      <table className="review-table">
        <tbody>
          {UPLOAD_SLOTS.map((slot) => {
            const list = files.filter((f) => f.slot === slot.key);
            return (
              <tr key={slot.key}>
                <th scope="row">{slot.label}</th>
                <td>{list.length === 0 ? <span className="review-empty">{emptyText(slot)}</span> : list.map(renderFile)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {children}
    </Card>
  );
}

/** Size and shortened SHA-256 of a file (the full one on hover), as the PDF lists them. */
export function FileFacts({ file }: { file: FileView }) {
  return (
    <>
      {formatBytes(file.size)} · SHA-256 <span className="mono" title={file.sha256}>{shortHash(file.sha256)}</span>
    </>
  );
}
