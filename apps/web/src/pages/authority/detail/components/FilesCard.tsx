import { useState } from 'react';
import { Button, Modal, Space } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import type { FileView } from '@fw/shared';
import { authorityUrls } from '../../api';
import { FileFacts, SlotFilesCard } from '../../../application/shared/SlotFilesCard';

/** The uploaded materials per slot: download each, preview PDFs in the browser. */
export function FilesCard({ applicationId, files }: { applicationId: string; files: FileView[] }) {
  const [preview, setPreview] = useState<FileView | null>(null);
  return (
    <SlotFilesCard
      testId="detail-files"
      files={files}
      renderFile={(f) => (
        <div key={f.id} className="upload-row" data-testid="detail-file">
          <span className="upload-row-name">
            {f.name}
            <div className="upload-row-meta">
              <FileFacts file={f} />
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
      )}
    >
      <Modal open={!!preview} title={preview?.name} footer={null} width="min(1100px, 96vw)" onCancel={() => setPreview(null)} destroyOnHidden centered>
        {preview ? <iframe className="pdf-preview" title={preview.name} src={authorityUrls.file(applicationId, preview.id, true)} /> : null}
      </Modal>
    </SlotFilesCard>
  );
}
