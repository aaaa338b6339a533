import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { FILE_NAME_MAX, INSPECTION_FILE_KINDS, INSPECTION_FILE_MAX_BYTES, INSPECTION_LIMITS, MB } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { files, siteInspections } from '../../db/schema/index.js';
import { INSPECTION_SLOT, type FileRow } from '../../db/queries/files.js';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { contentMatchesKind, detectContentType, kindOfName } from '../../services/files/fileType.js';
import { inspectContent } from '../uploads/inspectContent.js';
import { CONTENT_MISMATCH } from '../uploads/finishUpload.js';
import { loadInspection } from './loadInspection.js';

export const INSPECTION_WRONG_TYPE = '考察附件仅支持jpg照片、pdf、docx、doc格式';

/**
 * Stores an attachment of an inspection (photos, minutes, reports) as a files row of the application in
 * the slot 'inspection', which the applicant's and the authorities' file lists never show. The bytes
 * pass the same checks as an applicant's upload: content must match the extension, archives and PDFs
 * are inspected.
 */
export async function uploadInspectionFile(ctx: AppContext, actor: Actor, o: { roundId: string; inspectionId: string; filename: string; bytes: Buffer }): Promise<FileRow> {
  const { round, inspection, application } = await loadInspection(ctx, actor, o.roundId, o.inspectionId);
  const filename = o.filename.trim();
  if (!filename || filename.length > FILE_NAME_MAX) throw new AppError('VALIDATION', '文件名为空或过长', { filename: '文件名为空或过长' });
  const kind = kindOfName(filename);
  if (!kind || !INSPECTION_FILE_KINDS.includes(kind)) throw new AppError('UNSUPPORTED_FILE', INSPECTION_WRONG_TYPE);
  if (o.bytes.length === 0) throw new AppError('VALIDATION', '不能上传空文件');
  if (o.bytes.length > INSPECTION_FILE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `考察附件单个不超过${INSPECTION_FILE_MAX_BYTES / MB}MB`);
  if (inspection.fileIds.length >= INSPECTION_LIMITS.files) throw new AppError('CONFLICT', `每次考察最多${INSPECTION_LIMITS.files}个附件`);

  // The checks read a local file, as for applicants' uploads.
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'fw-inspection-'));
  let flags: string[];
  try {
    const local = path.join(dir, 'upload');
    await fs.promises.writeFile(local, o.bytes);
    const detected = await detectContentType(local);
    if (!contentMatchesKind(detected, kind)) throw new AppError('UNSUPPORTED_FILE', CONTENT_MISMATCH, undefined, { detected });
    ({ flags } = await inspectContent(local, kind));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
  const sha256 = crypto.createHash('sha256').update(o.bytes).digest('hex');
  const storageKey = await ctx.files.put(o.bytes);
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      const [row] = await tx
        .insert(files)
        .values({ applicationId: application.id, slot: INSPECTION_SLOT, originalName: filename, size: o.bytes.length, kind, sha256, storageKey, flags, uploadStartedAt: now, createdAt: now })
        .returning();
      // Appended in SQL: two uploads at once both land.
      await tx
        .update(siteInspections)
        .set({ fileIds: sql`${siteInspections.fileIds} || ${JSON.stringify([row!.id])}::jsonb`, updatedAt: now })
        .where(eq(siteInspections.id, inspection.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'inspection.file.upload',
        subjectType: 'site_inspection',
        subjectId: inspection.id,
        regionCode: round.organiserRegion,
        detail: { roundId: round.id, applicationId: application.id, fileId: row!.id, name: filename, size: o.bytes.length, kind, sha256, flags },
        ip: actor.ip,
      });
      return row!;
    });
  } catch (err) {
    // As for applicants' uploads: never a row without bytes; an answer lost may hide a commit.
    if (!isDatabaseUnavailable(err)) await ctx.files.remove(storageKey).catch(() => undefined);
    throw err;
  }
}
