import { useEffect, useRef, useState } from 'react';
import { App, Button, Popconfirm, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, DeleteOutlined, DownloadOutlined, PauseOutlined, CaretRightOutlined, CloseOutlined } from '@ant-design/icons';
import type { FileView, SlotSpec } from '@fw/shared';
import { applicationApi } from '../../shared/api';
import { formatBytes, formatDateTime, shortHash } from '../../shared/format';
import { acceptFor, checkFile } from './fileChecks';
import { findInterrupted, forgetInterrupted, startUpload, uploadedBytes, type InterruptedUpload, type UploadControl } from './tusUpload';

interface Task {
  id: string;
  name: string;
  size: number;
  sent: number;
  state: 'uploading' | 'paused' | 'error';
  error?: string;
  fatal?: boolean;
  ctrl: UploadControl;
}

interface Props {
  applicationId: string;
  slot: SlotSpec;
  files: FileView[];
  disabled?: boolean;
  onUploaded: (file: FileView) => void;
  onDeleted: (fileId: string) => void;
  /** How many uploads of this slot are under way (the page holds 下一步 until they finish). */
  onActiveChange?: (slot: string, active: number) => void;
}

/** One upload slot: rules, chosen files with progress, interrupted uploads to continue, stored files. */
export function UploadSlot({ applicationId, slot, files, disabled, onUploaded, onDeleted, onActiveChange }: Props) {
  const { message } = App.useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [interrupted, setInterrupted] = useState<Array<InterruptedUpload & { sent: number | null }>>([]);
  const [deleting, setDeleting] = useState<string | null>(null);

  const refreshInterrupted = async () => {
    const found = await findInterrupted(applicationId, slot.key);
    const checked = await Promise.all(found.map(async (u) => ({ ...u, sent: u.uploadUrl ? await uploadedBytes(u.uploadUrl) : null })));
    // Records of uploads the server no longer has cannot be continued: forget them quietly.
    await Promise.all(checked.filter((u) => u.sent === 'gone').map((u) => forgetInterrupted(u.key)));
    setInterrupted(checked.flatMap((u) => (u.sent === 'gone' ? [] : [{ ...u, sent: u.sent }])));
  };

  useEffect(() => {
    void refreshInterrupted();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applicationId, slot.key]);

  const active = tasks.filter((t) => t.state !== 'error' || !t.fatal).length;
  useEffect(() => onActiveChange?.(slot.key, active), [active, slot.key, onActiveChange]);

  const patch = (id: string, p: Partial<Task>) => setTasks((ts) => ts.map((t) => (t.id === id ? { ...t, ...p } : t)));
  const full = slot.single && (files.length > 0 || tasks.length > 0);

  const begin = (list: File[]) => {
    if (slot.single && list.length > 1) {
      message.error(`${slot.label}仅限一个文件`);
      return;
    }
    for (const file of list) {
      const problem = checkFile(slot, file);
      if (problem) {
        message.error(problem);
        continue;
      }
      const id = crypto.randomUUID();
      const ctrl = startUpload(applicationId, slot.key, file, {
        onProgress: (sent) => patch(id, { sent, state: 'uploading', error: undefined }),
        onDone: (fv) => {
          setTasks((ts) => ts.filter((t) => t.id !== id));
          setInterrupted((xs) => xs.filter((x) => x.name !== file.name));
          onUploaded(fv);
          message.success(`“${fv.name}”上传成功`);
        },
        onError: (error, fatal) => patch(id, { state: 'error', error, fatal }),
      });
      setTasks((ts) => [...ts, { id, name: file.name, size: file.size, sent: 0, state: 'uploading', ctrl }]);
      // A continued upload no longer needs its "interrupted" line.
      setInterrupted((xs) => xs.filter((x) => !(x.name === file.name && x.size === file.size)));
    }
  };

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(e.target.files ?? []);
    e.target.value = ''; // choosing the same file again must fire change again
    begin(list);
  };

  const remove = async (f: FileView) => {
    setDeleting(f.id);
    try {
      await applicationApi.deleteFile(applicationId, f.id);
      onDeleted(f.id);
      message.success('已删除');
    } catch {
      // shown by the central handler
    } finally {
      setDeleting(null);
    }
  };

  return (
    <div className="upload-slot" data-testid={`slot-${slot.key}`}>
      <div className="upload-slot-head">
        <div>
          <span className="upload-slot-title">{slot.label}</span>
          {slot.required ? <Tag color="red">必传</Tag> : <Tag>选传</Tag>}
          {slot.single ? <Tag color="blue">限1个文件</Tag> : null}
        </div>
        <input
          ref={inputRef}
          type="file"
          className="upload-input"
          accept={acceptFor(slot)}
          multiple={!slot.single}
          onChange={onPick}
          disabled={disabled || full}
          data-testid={`upload-${slot.key}`}
          aria-label={`选择${slot.label}文件`}
        />
        <Button icon={<CloudUploadOutlined />} disabled={disabled || full} onClick={() => inputRef.current?.click()}>
          选择文件
        </Button>
      </div>
      <Typography.Paragraph type="secondary" className="upload-slot-help">
        {slot.help}
        {slot.single && files.length > 0 ? '；如需更换，请先删除已上传的文件' : ''}
      </Typography.Paragraph>

      {interrupted.map((u) => (
        <div className="upload-row upload-row-interrupted" key={u.key} data-testid={`interrupted-${slot.key}`}>
          <div className="upload-row-name">
            {u.name}
            <div className="upload-row-meta">
              上传中断{u.sent !== null && u.size ? `，已上传 ${Math.floor((u.sent / u.size) * 100)}%` : ''}；请重新选择同一文件以继续
            </div>
          </div>
          <Space wrap>
            <Button size="small" type="primary" disabled={disabled || full} onClick={() => inputRef.current?.click()}>
              继续上传
            </Button>
            <Button
              size="small"
              onClick={() => {
                void forgetInterrupted(u.key).then(refreshInterrupted);
              }}
            >
              放弃
            </Button>
          </Space>
        </div>
      ))}

      {tasks.map((t) => {
        const percent = t.size > 0 ? Math.floor((t.sent / t.size) * 100) : 0;
        return (
          <div className="upload-row" key={t.id} data-testid={`upload-task-${slot.key}`}>
            <div className="upload-row-name">
              {t.name} <span className="upload-row-meta">{formatBytes(t.size)}</span>
              <Progress
                percent={percent}
                size="small"
                status={t.state === 'error' ? 'exception' : t.state === 'paused' ? 'normal' : 'active'}
                format={(p) => `${p ?? 0}%`}
              />
              {t.error ? <Typography.Text type="danger">{t.error}</Typography.Text> : null}
              {t.state === 'paused' ? <Typography.Text type="secondary">已暂停</Typography.Text> : null}
            </div>
            <Space>
              {t.state === 'uploading' ? (
                <Tooltip title="暂停">
                  <Button size="small" icon={<PauseOutlined />} aria-label="暂停" onClick={() => (t.ctrl.pause(), patch(t.id, { state: 'paused' }))} />
                </Tooltip>
              ) : !t.fatal ? (
                <Tooltip title="继续">
                  <Button size="small" icon={<CaretRightOutlined />} aria-label="继续" onClick={() => (t.ctrl.resume(), patch(t.id, { state: 'uploading', error: undefined }))} />
                </Tooltip>
              ) : null}
              <Tooltip title="取消">
                <Button
                  size="small"
                  icon={<CloseOutlined />}
                  aria-label="取消"
                  onClick={() => {
                    t.ctrl.cancel();
                    setTasks((ts) => ts.filter((x) => x.id !== t.id));
                  }}
                />
              </Tooltip>
            </Space>
          </div>
        );
      })}

      {files.length === 0 && tasks.length === 0 ? <div className="upload-empty">尚未上传</div> : null}
      {files.map((f, i) => (
        <div className="upload-row" key={f.id} data-testid={`file-${slot.key}`}>
          <div className="upload-row-name">
            <a href={applicationApi.fileUrl(applicationId, f.id)} download={f.name}>
              {f.name}
            </a>
            <div className="upload-row-meta">
              {formatBytes(f.size)} · SHA-256 <span title={f.sha256} className="mono">{shortHash(f.sha256)}</span> · {formatDateTime(f.createdAt)}
              {files.findIndex((g) => g.sha256 === f.sha256) < i ? <Tag color="orange" style={{ marginLeft: 6 }}>与上方文件内容相同</Tag> : null}
            </div>
          </div>
          <Space>
            <Tooltip title="下载">
              <Button size="small" icon={<DownloadOutlined />} href={applicationApi.fileUrl(applicationId, f.id)} aria-label="下载" />
            </Tooltip>
            {!disabled ? (
              <Popconfirm title={`删除“${f.name}”？`} okText="删除" cancelText="取消" onConfirm={() => remove(f)}>
                <Button size="small" danger icon={<DeleteOutlined />} loading={deleting === f.id} aria-label="删除" data-testid={`file-delete-${f.id}`} />
              </Popconfirm>
            ) : null}
          </Space>
        </div>
      ))}
    </div>
  );
}
