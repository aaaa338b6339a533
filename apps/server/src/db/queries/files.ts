import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { files } from '../schema/index.js';
import { notFound } from '../../errors.js';

export type FileRow = typeof files.$inferSelect;

/** The organiser's site inspection attachments: on the application's row, never shown to it or to the authorities. */
export const INSPECTION_SLOT = 'inspection';

/** The application's current (not deleted) files of the applicant's own slots, oldest first. Call after loading the application for the actor. */
export async function listFiles(db: DbOrTx, applicationId: string): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.applicationId, applicationId), ne(files.slot, INSPECTION_SLOT), isNull(files.deletedAt)))
    .orderBy(asc(files.createdAt), asc(files.id));
}

/** One current file of the applicant's slots; 404 when missing, deleted or of another application. */
export async function findFile(db: DbOrTx, applicationId: string, fileId: string): Promise<FileRow> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.applicationId, applicationId), ne(files.slot, INSPECTION_SLOT), isNull(files.deletedAt)))
    .limit(1);
  if (!row) throw notFound('文件');
  return row;
}
