import fs from 'node:fs';
import { and, eq, isNull } from 'drizzle-orm';
import { slotSpec } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { files } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { AppError } from '../../errors.js';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { recordAudit } from '../../services/audit.js';
import { contentMatchesKind, detectContentType, kindOfName } from '../../services/files/fileType.js';
import { BROCHURE_TAKEN, WRONG_TYPE_FOR_SLOT } from './checkUploadStart.js';
import { lockAndMarkFilesChanged } from './markApplicationChanged.js';
import { inspectContent } from './inspectContent.js';
import { sha256Of } from './sha256File.js';
import { assertUploadMayContinue } from './uploadWindow.js';
import type { FileRow } from '../../db/queries/files.js';

export interface FinishUploadOptions {
  actor: Actor;
  /** The tus upload id; its bytes lie complete in the FileStore's tus datastore. */
  uploadId: string;
  /** From the upload's metadata, checked when it was created. */
  applicationId: string;
  slot: string;
  filename: string;
  /** When the upload was created, by the server clock. */
  startedAt: Date;
}

export const CONTENT_MISMATCH = '文件内容与扩展名不符';

/**
 * Turns a complete tus upload into a file of the application: the content must really be of the
 * type its extension claims, then the bytes move to permanent storage and the row, the status change
 * and the audit entry are written in one transaction. The caller discards the upload if this throws;
 * an adoption that fails midway keeps nothing (FileStore.adopt), and once the bytes were adopted this
 * function removes them itself if the row is certainly not written: no row without bytes.
 */
export async function finishUpload(ctx: AppContext, o: FinishUploadOptions): Promise<FileRow> {
  const loaded = await loadApplicationFor(ctx, o.actor, o.applicationId);
  assertUploadMayContinue(loaded, o.startedAt, ctx.now());
  const slot = slotSpec(o.slot);
  const kind = kindOfName(o.filename);
  if (!slot || !kind || !slot.kinds.includes(kind)) throw new AppError('UNSUPPORTED_FILE', WRONG_TYPE_FOR_SLOT);

  // The checks read a local file: the upload itself on disk, or a temporary copy from a bucket.
  const { flags, sha256, size } = await ctx.files.withUploadFile(o.uploadId, async (bytesPath) => {
    const detected = await detectContentType(bytesPath);
    if (!contentMatchesKind(detected, kind)) throw new AppError('UNSUPPORTED_FILE', CONTENT_MISMATCH, undefined, { detected });
    const { flags } = await inspectContent(bytesPath, kind);
    // 1 MB reads: hashing a 100 MB file in 64 KB chunks took twice as long (bench, issue 5).
    const sha256 = await sha256Of(fs.createReadStream(bytesPath, { highWaterMark: 1024 * 1024 }));
    const size = (await fs.promises.stat(bytesPath)).size;
    return { flags, sha256, size };
  });

  const storageKey = await ctx.files.adopt(o.uploadId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      const { before } = await lockAndMarkFilesChanged(tx, loaded.application.id, now);
      if (slot.single) {
        // Checked again under the row lock: two brochure uploads may have started together.
        const taken = await tx
          .select({ id: files.id })
          .from(files)
          .where(and(eq(files.applicationId, before.id), eq(files.slot, slot.key), isNull(files.deletedAt)))
          .limit(1);
        if (taken.length) throw new AppError('CONFLICT', BROCHURE_TAKEN);
      }
      const [row] = await tx
        .insert(files)
        .values({ applicationId: before.id, slot: slot.key, originalName: o.filename, size, kind, sha256, storageKey, flags, uploadStartedAt: o.startedAt, createdAt: now })
        .returning();
      await recordAudit(tx, {
        actorId: o.actor.id,
        action: 'file.upload',
        subjectType: 'application',
        subjectId: before.id,
        regionCode: before.regionCode,
        detail: { fileId: row!.id, slot: slot.key, name: o.filename, size, kind, sha256, flags, statusBefore: before.status },
        ip: o.actor.ip,
      });
      return row!;
    });
  } catch (err) {
    // A database that went away may have committed the row before its answer was lost: keep the bytes
    // then (at worst an orphan without a row), never a row pointing to nothing.
    if (!isDatabaseUnavailable(err)) await ctx.files.remove(storageKey).catch(() => undefined);
    throw err;
  }
}
