import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { scoreSheetSchema, totalScore, type ExpertSheetView, type ScoreSheetBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { reviewAssignments } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { assertDeclared, assertRoundOpenForScoring, loadAssignmentForExpert } from './loadAssignment.js';
import { checkSheet } from './checkSheet.js';
import { presentSheet } from './presentSheet.js';
import { rubricOf } from './rubricOf.js';

/**
 * Submits the expert's score sheet (提交评分): every criterion scored within its points, the total
 * computed here, the sheet read-only from now on. One transaction with the audit row; a second submit
 * (double click, another tab) finds it submitted and is refused with 409.
 */
export async function submitScoreSheet(ctx: AppContext, actor: Actor, id: string, body: ScoreSheetBody): Promise<ExpertSheetView> {
  const loaded = await loadAssignmentForExpert(ctx, actor, id);
  assertDeclared(loaded);
  assertRoundOpenForScoring(loaded);
  if (loaded.assignment.submittedAt) throw new AppError('STATUS_CONFLICT', '评分已提交，不能重复提交');
  const rubric = rubricOf(loaded.round, loaded.application.category);
  const sheet = checkSheet(scoreSheetSchema(rubric), body);
  const total = totalScore(rubric, sheet.scores);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [row] = await tx
      .update(reviewAssignments)
      .set({ scores: sheet.scores, comment: sheet.comment || null, total, submittedAt: now, updatedAt: now })
      .where(
        and(
          eq(reviewAssignments.id, loaded.assignment.id),
          eq(reviewAssignments.status, 'assigned'),
          isNotNull(reviewAssignments.noConflictDeclaredAt),
          isNull(reviewAssignments.submittedAt),
        ),
      )
      .returning();
    if (!row) throw new AppError('STATUS_CONFLICT', '评分已提交或任务已变化，请刷新后查看');
    await recordAudit(tx, {
      actorId: loaded.expert.id,
      action: 'expert_review.submit_scores',
      subjectType: 'review_assignment',
      subjectId: row.id,
      // The organiser's region, not the applicant's: the applicant's local authorities must not learn who reviews it.
      regionCode: loaded.round.organiserRegion,
      detail: { roundId: loaded.round.id, applicationId: row.applicationId, category: loaded.application.category, total, scores: sheet.scores },
      ip: loaded.expert.ip,
    });
    return presentSheet(row, rubric, false);
  });
}
