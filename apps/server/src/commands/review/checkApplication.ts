import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { reviews } from '../../db/schema/index.js';
import { loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { lockReviewRow } from './reviewRow.js';

export interface CheckInput {
  result: 'passed' | 'returned';
  /** Required when returned: the applicant sees it. */
  reason?: string | null;
}

/** 形式审查: marks the application as passed or returned (with a reason the applicant sees). */
export async function checkApplication(ctx: AppContext, actor: Actor, id: string, input: CheckInput) {
  const { application, round, authority } = await loadApplicationForAuthority(ctx, actor, id);
  const reason = input.reason?.trim() || null;
  if (input.result === 'returned' && !reason) throw new AppError('VALIDATION', '退回时请填写原因', { reason: '请填写退回原因' });
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const review = await lockReviewRow(tx, authority, application, now);
    if (input.result === 'returned' && review.recommended) throw new AppError('STATUS_CONFLICT', '该申报已被推荐，请先取消推荐再退回');
    const [updated] = await tx
      .update(reviews)
      .set({ checkStatus: input.result, checkReason: input.result === 'returned' ? reason : null, checkedBy: authority.id, checkedAt: now, updatedAt: now })
      .where(eq(reviews.id, review.id))
      .returning();
    await recordAudit(tx, {
      actorId: authority.id,
      action: input.result === 'passed' ? 'review.check_pass' : 'review.check_return',
      subjectType: 'application',
      subjectId: application.id,
      regionCode: application.regionCode,
      detail: { roundId: round.id, from: review.checkStatus, to: input.result, reason, number: application.currentNumber },
      ip: authority.ip,
    });
    return updated!;
  });
}
