import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { reviewAssignments } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadAssignmentForExpert } from './loadAssignment.js';

/**
 * The expert declares no conflict of interest with the applicant (声明无利益冲突); only then does the
 * content open. Declaring again changes nothing; a task already declined stays declined.
 */
export async function declareNoConflict(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const loaded = await loadAssignmentForExpert(ctx, actor, id);
  const a = loaded.assignment;
  if (a.status === 'declined') throw new AppError('STATUS_CONFLICT', '您已申请回避，不能再声明无利益冲突');
  if (a.noConflictDeclaredAt) return;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [row] = await tx
      .update(reviewAssignments)
      .set({ noConflictDeclaredAt: now, updatedAt: now })
      .where(and(eq(reviewAssignments.id, a.id), eq(reviewAssignments.status, 'assigned'), isNull(reviewAssignments.noConflictDeclaredAt)))
      .returning({ id: reviewAssignments.id });
    // A concurrent declaration already did it (or the organiser withdrew the task meanwhile).
    if (!row) return;
    await recordAudit(tx, {
      actorId: loaded.expert.id,
      action: 'expert_review.declare_no_conflict',
      subjectType: 'review_assignment',
      subjectId: a.id,
      // The organiser's region, not the applicant's: the applicant's local authorities must not learn who reviews it.
      regionCode: loaded.round.organiserRegion,
      detail: { roundId: loaded.round.id, applicationId: a.applicationId },
      ip: loaded.expert.ip,
    });
  });
}
