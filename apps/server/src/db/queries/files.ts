import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { files } from '../schema/index.js';

/** The application's current (not deleted) files, oldest first. */
export function liveFiles(db: DbOrTx, applicationId: string) {
  return db.select().from(files).where(and(eq(files.applicationId, applicationId), isNull(files.deletedAt))).orderBy(asc(files.createdAt));
}
