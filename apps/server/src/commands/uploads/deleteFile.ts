import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { files, submissions } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { findFile } from '../../db/queries/files.js';
import { assertApplicantMay } from '../../policies/application.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { lockAndMarkFilesChanged } from './markApplicationChanged.js';

export interface DeleteFileOptions {
  actor: Actor;
  applicationId: string;
  fileId: string;
}

/**
 * Deletes a file while the application may be edited: the row is kept (deletedAt) for the audit
 * trail. The bytes are removed once the transaction has committed, unless a submission lists the
 * file: what was submitted (and printed, and numbered) must stay readable for the authorities.
 */
export async function deleteFile(ctx: AppContext, o: DeleteFileOptions): Promise<void> {
  const loaded = await loadApplicationFor(ctx, o.actor, o.applicationId);
  const target = await findFile(ctx.db, loaded.application.id, o.fileId);
  assertApplicantMay(loaded, 'upload', ctx.now(), { slot: target.slot });
  const removed = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const { before } = await lockAndMarkFilesChanged(tx, loaded.application.id, now);
    const [row] = await tx
      .update(files)
      .set({ deletedAt: now })
      .where(and(eq(files.id, o.fileId), eq(files.applicationId, before.id), isNull(files.deletedAt)))
      .returning();
    if (!row) throw notFound('文件');
    await recordAudit(tx, {
      actorId: o.actor.id,
      action: 'file.delete',
      subjectType: 'application',
      subjectId: before.id,
      regionCode: before.regionCode,
      detail: { fileId: row.id, slot: row.slot, name: row.originalName, sha256: row.sha256, statusBefore: before.status },
      ip: o.actor.ip,
    });
    const [submitted] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.applicationId, before.id), sql`${submissions.snapshot}->'files' @> ${JSON.stringify([{ id: row.id }])}::jsonb`))
      .limit(1);
    return { row, keepBytes: !!submitted };
  });
  if (!removed.keepBytes) await ctx.files.remove(removed.row.storageKey);
}
