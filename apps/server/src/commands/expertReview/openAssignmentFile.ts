import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { files } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { loadSubmittedContent } from './loadSubmittedContent.js';

/** One file the assigned application's current submission lists (404 for any other file id). */
export async function findAssignmentFile(ctx: Pick<AppContext, 'db'>, actor: Actor, id: string, fileId: string) {
  const loaded = await loadSubmittedContent(ctx, actor, id);
  if (!loaded.snapshot.files.some((f) => f.id === fileId)) throw notFound('文件');
  const [file] = await ctx.db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.applicationId, loaded.application.id)))
    .limit(1);
  if (!file) throw notFound('文件');
  return file;
}
