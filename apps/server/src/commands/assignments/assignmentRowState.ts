import type { ReviewAssignmentState } from '@fw/shared';
import type { reviewAssignments } from '../../db/schema/index.js';

export type AssignmentRowDb = typeof reviewAssignments.$inferSelect;

/**
 * How an assignment stands: scored once the sheet is submitted, started once the expert declared
 * no conflict or saved a draft. Started and scored ones are never moved by a run.
 */
export function assignmentRowState(row: Pick<AssignmentRowDb, 'status' | 'submittedAt' | 'noConflictDeclaredAt' | 'scores'>): ReviewAssignmentState {
  if (row.status === 'declined') return 'declined';
  if (row.status === 'withdrawn') return 'withdrawn';
  if (row.submittedAt) return 'scored';
  if (row.noConflictDeclaredAt || row.scores) return 'started';
  return 'assigned';
}

/** States in which the expert holds the application (counted in loads). */
export const HOLDING_STATES: readonly ReviewAssignmentState[] = ['assigned', 'started', 'scored'];
