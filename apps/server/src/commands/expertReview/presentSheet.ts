import { totalScore, type ExpertSheetView, type Rubric } from '@fw/shared';
import type { reviewAssignments } from '../../db/schema/index.js';

type AssignmentRow = typeof reviewAssignments.$inferSelect;

/** The expert's own sheet: only the rubric's criteria (a changed rubric drops stale keys), with the running total. */
export function presentSheet(a: AssignmentRow, rubric: Rubric, roundPublished: boolean): ExpertSheetView {
  const stored = a.scores ?? {};
  const scores = Object.fromEntries(rubric.criteria.filter((c) => typeof stored[c.key] === 'number').map((c) => [c.key, stored[c.key]!]));
  return {
    scores,
    comment: a.comment,
    total: a.submittedAt && a.total !== null ? a.total : totalScore(rubric, scores),
    updatedAt: a.scores || a.comment ? a.updatedAt.toISOString() : null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    editable: a.status === 'assigned' && !!a.noConflictDeclaredAt && !a.submittedAt && !roundPublished,
  };
}
