import { useState } from 'react';
import { Button, Card, Modal, Space } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { UPLOAD_SLOTS, type FileView } from '@fw/shared';
import { authorityUrls } from '../../api';
import { formatBytes, shortHash } from '../../../application/shared/format';

/** The uploaded materials per slot: download each, preview PDFs in the browser. */
export function FilesCard({ applicationId, files }: { applicationId: string; files: FileView[] }) {
  const [preview, setPreview] = useState<FileView | null>(null);
  return (
    <Card size="small" title="上传材料" className="edit-section" data-testid="detail-files">
      <table className="review-table">
        <tbody>
          {UPLOAD_SLOTS.map((slot) => {
            const list = files.filter((f) => f.slot === slot.key);
            return (
              <tr key={slot.key}>
                <th scope="row">{slot.label}</th>
                <td>
                  {list.length === 0 ? (
                    <span className="review-empty">未上传</span>
                  ) : (
                    list.map((f) => (
                      <div key={f.id} className="upload-row" data-testid="detail-file">
                        <span className="upload-row-name">
                          {f.name}
                          <div className="upload-row-meta">
                            {formatBytes(f.size)} · SHA-256 <span className="mono" title={f.sha256}>{shortHash(f.sha256)}</span>
                          </div>
                        </span>
                        <Space size={4}>
                          {f.kind === 'pdf' ? (
                            <Button size="small" icon={<EyeOutlined />} onClick={() => setPreview(f)} data-testid="btn-preview">
                              预览
                            </Button>
                          ) : null}
                          <Button size="small" icon={<DownloadOutlined />} href={authorityUrls.file(applicationId, f.id)} download={f.name}>
                            下载
                          </Button>
                        </Space>
                      </div>
                    ))
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Modal open={!!preview} title={preview?.name} footer={null} width="min(1100px, 96vw)" onCancel={() => setPreview(null)} destroyOnHidden centered>
        {preview ? <iframe className="pdf-preview" title={preview.name} src={authorityUrls.file(applicationId, preview.id, true)} /> : null}
      </Modal>
    </Card>
  );
}
