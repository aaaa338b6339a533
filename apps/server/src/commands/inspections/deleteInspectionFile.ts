import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { files, siteInspections } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { findInspectionFile } from './inspectionFile.js';

/** Removes an attachment: the row stays (deletedAt) for the audit trail, the bytes go after commit. */
export async function deleteInspectionFile(ctx: AppContext, actor: Actor, roundId: string, inspectionId: string, fileId: string): Promise<void> {
  const { round, inspection, file } = await findInspectionFile(ctx, actor, roundId, inspectionId, fileId);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [row] = await tx
      .update(files)
      .set({ deletedAt: now })
      .where(and(eq(files.id, file.id), isNull(files.deletedAt)))
      .returning({ id: files.id });
    if (!row) throw notFound('文件');
    await tx
      .update(siteInspections)
      .set({ fileIds: sql`${siteInspections.fileIds} - ${file.id}::text`, updatedAt: now })
      .where(eq(siteInspections.id, inspection.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'inspection.file.delete',
      subjectType: 'site_inspection',
      subjectId: inspection.id,
      regionCode: round.organiserRegion,
      detail: { roundId: round.id, applicationId: inspection.applicationId, fileId: file.id, name: file.originalName, sha256: file.sha256 },
      ip: actor.ip,
    });
  });
  await ctx.files.remove(file.storageKey).catch(() => undefined);
}
