import { and, eq, isNull } from 'drizzle-orm';
import type { DeclareConflictBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { reviewAssignments } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadAssignmentForExpert } from './loadAssignment.js';

/**
 * The expert declares a conflict of interest and steps aside (申请回避), with a reason. Allowed until the
 * score sheet is submitted (a conflict may only show in the material). The organiser sees the declined
 * task with the reason and assigns another expert.
 */
export async function declareConflict(ctx: AppContext, actor: Actor, id: string, body: DeclareConflictBody): Promise<void> {
  const loaded = await loadAssignmentForExpert(ctx, actor, id);
  const a = loaded.assignment;
  if (a.status === 'declined') throw new AppError('STATUS_CONFLICT', '您已申请回避该申报');
  if (a.submittedAt) throw new AppError('STATUS_CONFLICT', '评分已提交，不能再申请回避；如有利益冲突请联系组织单位');
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [row] = await tx
      .update(reviewAssignments)
      .set({ status: 'declined', conflictReason: body.reason, updatedAt: now })
      .where(and(eq(reviewAssignments.id, a.id), eq(reviewAssignments.status, 'assigned'), isNull(reviewAssignments.submittedAt)))
      .returning({ id: reviewAssignments.id });
    if (!row) throw new AppError('STATUS_CONFLICT', '评审任务状态已变化，请刷新后重试');
    await recordAudit(tx, {
      actorId: loaded.expert.id,
      action: 'expert_review.declare_conflict',
      subjectType: 'review_assignment',
      subjectId: a.id,
      // The organiser's region, not the applicant's: the applicant's local authorities must not learn who reviews it.
      regionCode: loaded.round.organiserRegion,
      detail: { roundId: loaded.round.id, applicationId: a.applicationId, reason: body.reason, afterDeclaringNoConflict: !!a.noConflictDeclaredAt },
      ip: loaded.expert.ip,
    });
  });
}
