import { and, count, eq, isNotNull } from 'drizzle-orm';
import { categoryTitle, expertTaskState, type Category, type ExpertAssignmentView } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { reviewAssignments } from '../../db/schema/index.js';
import { loadAssignmentForExpert } from './loadAssignment.js';
import { presentSheet } from './presentSheet.js';
import { rubricOf } from './rubricOf.js';

/**
 * One task as its expert sees it: who applied, the rubric, the expert's own sheet (once declared).
 * Other experts' sheets never appear; after submitting, only how many have submitted.
 */
export async function viewAssignment(ctx: Pick<AppContext, 'db'>, actor: Actor, id: string): Promise<ExpertAssignmentView> {
  const loaded = await loadAssignmentForExpert(ctx, actor, id);
  const { assignment: a, application, organisation, round } = loaded;
  const state = expertTaskState(a);
  const rubric = rubricOf(round, application.category);
  let submittedReviews: number | null = null;
  if (state === 'submitted') {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.applicationId, a.applicationId), eq(reviewAssignments.status, 'assigned'), isNotNull(reviewAssignments.submittedAt)));
    submittedReviews = Number(row?.n ?? 0);
  }
  return {
    id: a.id,
    state,
    round: { id: round.id, code: round.code, name: round.name },
    organisationName: organisation.name,
    category: application.category,
    subType: application.subType,
    categoryTitle: categoryTitle(application.category as Category, application.subType),
    declaredAt: a.noConflictDeclaredAt?.toISOString() ?? null,
    conflictReason: a.conflictReason,
    rubric,
    sheet: state === 'reviewing' || state === 'submitted' ? presentSheet(a, rubric, round.status === 'published') : null,
    submittedReviews,
  };
}
