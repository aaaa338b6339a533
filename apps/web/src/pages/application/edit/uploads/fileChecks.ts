import { FILE_NAME_MAX, type FileKind, type SlotSpec } from '@fw/shared';
import { formatBytes } from '../../shared/format';

/** Extensions a kind stands for (jpg also covers .jpeg). */
const EXTENSIONS: Record<FileKind, string[]> = {
  doc: ['doc'],
  docx: ['docx'],
  wps: ['wps'],
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
};

export function extensionsFor(slot: SlotSpec): string[] {
  return slot.kinds.flatMap((k) => EXTENSIONS[k]);
}

/** The file input's accept attribute: the slot's extensions. */
export function acceptFor(slot: SlotSpec): string {
  return extensionsFor(slot)
    .map((e) => `.${e}`)
    .join(',');
}

/** A quick check before sending anything; the server checks the real content type again. */
export function checkFile(slot: SlotSpec, file: { name: string; size: number }): string | null {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const allowed = extensionsFor(slot);
  if (!allowed.includes(ext)) return `“${file.name}”格式不支持，${slot.label}仅支持${slot.kinds.join('、')}格式`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > slot.maxBytes) return `“${file.name}”大小为${formatBytes(file.size)}，超过${formatBytes(slot.maxBytes)}的上限，请拆分后上传`;
  if (file.name.length > FILE_NAME_MAX) return `文件名过长（不超过${FILE_NAME_MAX}个字符）`;
  return null;
}
