import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { submissions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { SubmissionSnapshot } from '../applications/renderSubmissionPdf.js';
import { assertDeclared, loadAssignmentForExpert } from './loadAssignment.js';

/**
 * The current submission of a declared assignment's application: what the expert reviews is the frozen
 * snapshot the applicant submitted and printed, not whatever the live row holds now.
 */
export async function loadSubmittedContent(ctx: Pick<AppContext, 'db'>, actor: Actor, id: string) {
  const loaded = await loadAssignmentForExpert(ctx, actor, id);
  assertDeclared(loaded);
  const [current] = await ctx.db
    .select()
    .from(submissions)
    .where(and(eq(submissions.applicationId, loaded.application.id), eq(submissions.status, 'current')))
    .limit(1);
  if (!current) throw new AppError('NOT_FOUND', '该申报书没有有效的提交版本');
  return { ...loaded, submission: current, snapshot: current.snapshot as unknown as SubmissionSnapshot };
}
export type LoadedSubmittedContent = Awaited<ReturnType<typeof loadSubmittedContent>>;
