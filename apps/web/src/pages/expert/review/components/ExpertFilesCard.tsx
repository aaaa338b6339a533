import { useState } from 'react';
import { Button, Modal, Space } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import type { FileView } from '@fw/shared';
import { FileFacts, SlotFilesCard } from '../../../application/shared/SlotFilesCard';
import { expertUrls } from '../../api';

/** The submitted materials per slot: download each, preview PDFs in the browser. */
export function ExpertFilesCard({ assignmentId, files }: { assignmentId: string; files: FileView[] }) {
  const [preview, setPreview] = useState<FileView | null>(null);
  return (
    <SlotFilesCard
      testId="expert-files"
      files={files}
      renderFile={(f) => (
        <div key={f.id} className="upload-row" data-testid="expert-file">
          <span className="upload-row-name">
            {f.name}
            <div className="upload-row-meta">
              <FileFacts file={f} />
            </div>
          </span>
          <Space size={4}>
            {f.kind === 'pdf' ? (
              <Button size="small" icon={<EyeOutlined />} onClick={() => setPreview(f)}>
                预览
              </Button>
            ) : null}
            <Button size="small" icon={<DownloadOutlined />} href={expertUrls.file(assignmentId, f.id)} download={f.name}>
              下载
            </Button>
          </Space>
        </div>
      )}
    >
      <Modal open={!!preview} title={preview?.name} footer={null} width="min(1100px, 96vw)" onCancel={() => setPreview(null)} destroyOnHidden centered>
        {preview ? <iframe className="pdf-preview" title={preview.name} src={expertUrls.file(assignmentId, preview.id, true)} /> : null}
      </Modal>
    </SlotFilesCard>
  );
}
