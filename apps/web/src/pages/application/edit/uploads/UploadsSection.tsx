import { useCallback, useEffect, useRef, useState } from 'react';
import { UPLOAD_SLOTS, type FileView } from '@fw/shared';
import { applicationApi } from '../../shared/api';
import { UploadSlot } from './UploadSlot';

interface Props {
  applicationId: string;
  initialFiles: FileView[];
  disabled?: boolean;
  /** Uploading or deleting a file changes the application (e.g. submitted → modified). */
  onFilesChanged?: (files: FileView[]) => void;
  /** Number of uploads under way across the slots. */
  onActiveChange?: (active: number) => void;
}

/** The three upload slots of an application (文字说明材料, 随附材料, 企业宣传册). */
export function UploadsSection({ applicationId, initialFiles, disabled, onFilesChanged, onActiveChange }: Props) {
  const [files, setFiles] = useState<FileView[]>(initialFiles);

  const changedRef = useRef(onFilesChanged);
  changedRef.current = onFilesChanged;
  const activeRef = useRef(onActiveChange);
  activeRef.current = onActiveChange;
  const perSlot = useRef<Record<string, number>>({});
  const slotActive = useCallback((slot: string, n: number) => {
    perSlot.current = { ...perSlot.current, [slot]: n };
    activeRef.current?.(Object.values(perSlot.current).reduce((a, b) => a + b, 0));
  }, []);

  useEffect(() => setFiles(initialFiles), [initialFiles]);

  const update = (fn: (prev: FileView[]) => FileView[]) =>
    setFiles((prev) => {
      const next = fn(prev);
      queueMicrotask(() => changedRef.current?.(next));
      return next;
    });
  const refresh = () => {
    void applicationApi
      .files(applicationId)
      .then((list) => update(() => list))
      .catch(() => undefined);
  };

  return (
    <div className="uploads-section">
      {UPLOAD_SLOTS.map((slot) => (
        <UploadSlot
          key={slot.key}
          applicationId={applicationId}
          slot={slot}
          files={files.filter((f) => f.slot === slot.key)}
          disabled={disabled}
          onUploaded={(f) => {
            update((prev) => [...prev.filter((x) => x.id !== f.id && !(slot.single && x.slot === slot.key)), f]);
            refresh();
          }}
          onDeleted={(id) => update((prev) => prev.filter((f) => f.id !== id))}
          onActiveChange={slotActive}
        />
      ))}
    </div>
  );
}
