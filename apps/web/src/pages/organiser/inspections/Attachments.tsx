import { useEffect, useState } from 'react';
import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { INSPECTION_FILE_KINDS, INSPECTION_FILE_MAX_BYTES, type InspectionView } from '@fw/shared';
import { isApiError } from '../../../api/client';
import { inspectionsApi, inspectionsBase } from './api';
import { uploadAttachment } from './uploadAttachment';

const ACCEPT = INSPECTION_FILE_KINDS.map((k) => `.${k}`).concat('.jpeg').join(',');

/** The inspection's attachments: upload with progress, download on click, delete. */
export function Attachments({ roundId, inspection, onChanged }: { roundId: string; inspection: InspectionView; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const stored = (): UploadFile[] =>
    inspection.files.map((f) => ({ uid: f.id, name: f.name, status: 'done', url: inspectionsApi.fileUrl(roundId, inspection.id, f.id), size: f.size }));
  const [list, setList] = useState<UploadFile[]>(stored);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setList((now) => [...stored(), ...now.filter((f) => f.status === 'uploading' || f.status === 'error')]), [inspection]);

  return (
    <Upload
      accept={ACCEPT}
      multiple
      fileList={list}
      onChange={({ fileList }) => setList(fileList)}
      beforeUpload={(file) => {
        if (file.size > INSPECTION_FILE_MAX_BYTES) {
          message.error(`${file.name}：考察附件单个不超过20MB`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        uploadAttachment(`${inspectionsBase(roundId)}/${inspection.id}/files`, file as File, (percent) => onProgress?.({ percent }))
          .then((stored) => {
            onSuccess?.(stored);
            setList((now) => now.filter((f) => f.uid !== (file as UploadFile).uid));
            onChanged();
          })
          .catch((e: unknown) => {
            const text = isApiError(e) ? e.message : '上传失败，请重试';
            message.error(`${(file as File).name}：${text}`);
            onError?.(new Error(text));
          });
      }}
      onRemove={(file) =>
        file.status !== 'done'
          ? true
          : new Promise<boolean>((resolve) =>
              modal.confirm({
                title: `删除附件“${file.name}”？`,
                okText: '删除',
                okButtonProps: { danger: true },
                cancelText: '取消',
                onOk: async () => {
                  await inspectionsApi.deleteFile(roundId, inspection.id, file.uid);
                  onChanged();
                  resolve(true);
                },
                onCancel: () => resolve(false),
              }),
            )
      }
    >
      <Button icon={<UploadOutlined />}>上传附件</Button>
      <span className="authority-sub" style={{ marginLeft: 8 }} onClick={(e) => e.stopPropagation()}>
        现场照片（jpg）、考察纪要或报告（pdf、docx、doc），单个不超过20MB
      </span>
    </Upload>
  );
}
