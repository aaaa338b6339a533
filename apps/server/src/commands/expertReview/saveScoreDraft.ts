import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { draftSheetSchema, type ExpertSheetView, type ScoreSheetBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { reviewAssignments } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { assertDeclared, assertRoundOpenForScoring, loadAssignmentForExpert } from './loadAssignment.js';
import { checkSheet } from './checkSheet.js';
import { presentSheet } from './presentSheet.js';
import { rubricOf } from './rubricOf.js';

/**
 * Saves the expert's draft (autosave and 保存草稿): the whole sheet replaces the stored one, so sending
 * the same sheet twice is harmless. Each criterion given is checked as on submit; empty ones may stay
 * empty. Drafts are not audited (they change every few seconds); the submission is.
 */
export async function saveScoreDraft(ctx: AppContext, actor: Actor, id: string, body: ScoreSheetBody): Promise<ExpertSheetView> {
  const loaded = await loadAssignmentForExpert(ctx, actor, id);
  assertDeclared(loaded);
  assertRoundOpenForScoring(loaded);
  if (loaded.assignment.submittedAt) throw new AppError('STATUS_CONFLICT', '评分已提交，不能再修改');
  const rubric = rubricOf(loaded.round, loaded.application.category);
  const sheet = checkSheet(draftSheetSchema(rubric), body);
  const scores = Object.fromEntries(Object.entries(sheet.scores).filter((e): e is [string, number] => typeof e[1] === 'number'));
  const [row] = await ctx.db
    .update(reviewAssignments)
    .set({ scores, comment: sheet.comment || null, updatedAt: ctx.now() })
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
  return presentSheet(row, rubric, false);
}
