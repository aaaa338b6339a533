import { useState } from 'react';
import { Button, Modal, Space } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import type { FileView } from '@fw/shared';
import { FileFacts, SlotFilesCard } from './SlotFilesCard';

/**
 * Submitted materials per slot for a reader (an authority, an expert): download each, preview PDFs in
 * the browser. `fileUrl` says where the reader's own file route serves a file.
 */
export function PreviewableFilesCard({ files, fileUrl, testId, rowTestId }: { files: FileView[]; fileUrl: (fileId: string, inline?: boolean) => string; testId: string; rowTestId: string }) {
  const [preview, setPreview] = useState<FileView | null>(null);
  return (
    <SlotFilesCard
      testId={testId}
      files={files}
      renderFile={(f) => (
        <div key={f.id} className="upload-row" data-testid={rowTestId}>
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
            <Button size="small" icon={<DownloadOutlined />} href={fileUrl(f.id)} download={f.name}>
              下载
            </Button>
          </Space>
        </div>
      )}
    >
      <Modal open={!!preview} title={preview?.name} footer={null} width="min(1100px, 96vw)" onCancel={() => setPreview(null)} destroyOnHidden centered>
        {preview ? <iframe className="pdf-preview" title={preview.name} src={fileUrl(preview.id, true)} /> : null}
      </Modal>
    </SlotFilesCard>
  );
}
