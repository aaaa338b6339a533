import { and, eq, isNull } from 'drizzle-orm';
import { FILE_NAME_MAX, MB, slotSpec, type FileKind, type SlotSpec } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { files } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { assertApplicantMay } from '../../policies/application.js';
import { AppError } from '../../errors.js';
import { kindOfName } from '../../services/files/fileType.js';

export interface UploadStartRequest {
  /** From the tus Upload-Metadata. */
  applicationId: string;
  slot: string;
  filename: string;
  /** The declared Upload-Length in bytes. */
  size: number;
}

export interface AcceptedUpload {
  applicationId: string;
  slot: SlotSpec;
  /** The file name without any path, as it will be stored. */
  filename: string;
  kind: FileKind;
}

export const WRONG_TYPE_FOR_SLOT = '该栏目不支持此文件类型';
export const BROCHURE_TAKEN = '宣传册只能上传一个文件，请先删除已上传的文件';

/** Browsers send bare names, but some tools send paths; control characters never belong in a name. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/**
 * Decides before any byte is received whether this upload may start: the slot, the extension and
 * the declared size must fit the slot's limits, the application must be the actor's and editable,
 * and the brochure slot must still be empty. The content itself is checked when the upload finishes.
 */
export async function checkUploadStart(ctx: AppContext, actor: Actor, req: UploadStartRequest): Promise<AcceptedUpload> {
  const slot = slotSpec(req.slot);
  if (!slot) throw new AppError('VALIDATION', '未知的材料栏目', { slot: '未知的材料栏目' });
  const filename = cleanFileName(req.filename);
  if (!filename) throw new AppError('VALIDATION', '文件名不能为空', { filename: '文件名不能为空' });
  if (filename.length > FILE_NAME_MAX) throw new AppError('VALIDATION', `文件名不能超过${FILE_NAME_MAX}个字符`, { filename: '文件名过长' });
  const kind = kindOfName(filename);
  if (!kind || !slot.kinds.includes(kind)) throw new AppError('UNSUPPORTED_FILE', WRONG_TYPE_FOR_SLOT, undefined, { allowed: slot.kinds });
  if (req.size > slot.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件过大：${slot.label}单个文件不超过${slot.maxBytes / MB}MB`, undefined, { maxBytes: slot.maxBytes });
  }
  if (!Number.isSafeInteger(req.size) || req.size <= 0) throw new AppError('VALIDATION', '不能上传空文件');

  const loaded = await loadApplicationFor(ctx, actor, req.applicationId);
  assertApplicantMay(loaded, 'upload', ctx.now(), { slot: slot.key });
  if (slot.single) {
    const taken = await ctx.db
      .select({ id: files.id })
      .from(files)
      .where(and(eq(files.applicationId, loaded.application.id), eq(files.slot, slot.key), isNull(files.deletedAt)))
      .limit(1);
    if (taken.length) throw new AppError('CONFLICT', BROCHURE_TAKEN);
  }
  return { applicationId: loaded.application.id, slot, filename, kind };
}
