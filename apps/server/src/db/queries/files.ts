import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { files } from '../schema/index.js';
import { notFound } from '../../errors.js';

export type FileRow = typeof files.$inferSelect;

/** The application's current (not deleted) files, oldest first. Call after loading the application for the actor. */
export async function listFiles(db: DbOrTx, applicationId: string): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.applicationId, applicationId), isNull(files.deletedAt)))
    .orderBy(asc(files.createdAt), asc(files.id));
}

/** One current file of the application; 404 when missing, deleted or of another application. */
export async function findFile(db: DbOrTx, applicationId: string, fileId: string): Promise<FileRow> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.applicationId, applicationId), isNull(files.deletedAt)))
    .limit(1);
  if (!row) throw notFound('文件');
  return row;
}
