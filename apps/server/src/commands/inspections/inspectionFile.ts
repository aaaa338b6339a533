import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { files } from '../../db/schema/index.js';
import { INSPECTION_SLOT, type FileRow } from '../../db/queries/files.js';
import { notFound } from '../../errors.js';
import { loadInspection } from './loadInspection.js';

/** One current attachment of the inspection (404 for any file it does not list). */
export async function findInspectionFile(ctx: Pick<AppContext, 'db'>, actor: Actor, roundId: string, inspectionId: string, fileId: string) {
  const loaded = await loadInspection(ctx, actor, roundId, inspectionId);
  if (!loaded.inspection.fileIds.includes(fileId)) throw notFound('文件');
  const [file] = await ctx.db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.applicationId, loaded.application.id), eq(files.slot, INSPECTION_SLOT), isNull(files.deletedAt)))
    .limit(1);
  if (!file) throw notFound('文件');
  return { ...loaded, file: file as FileRow };
}
