import { eq } from 'drizzle-orm';
import { nextStatus, type ApplicationStatus } from '@fw/shared';
import type { Tx } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

/**
 * Locks the application row for the rest of the transaction and records that its files changed:
 * the status follows the workflow table (a submitted application becomes 'modified'). The version
 * moves only when the status does, so an upload does not break the optimistic lock of a form
 * the applicant is editing at the same time.
 */
export async function lockAndMarkFilesChanged(tx: Tx, applicationId: string, now: Date) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
  if (!app) throw notFound('申报书');
  const from = app.status as ApplicationStatus;
  const to = nextStatus(from, 'upload');
  if (!to) throw new AppError('STATUS_CONFLICT', '当前状态不允许此操作');
  const [updated] = await tx
    .update(applications)
    .set({ status: to, updatedAt: now, version: to === from ? app.version : app.version + 1 })
    .where(eq(applications.id, applicationId))
    .returning();
  return { before: app, after: updated! };
}
