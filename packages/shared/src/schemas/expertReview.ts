import { z } from 'zod';
import { fileView } from './application.js';
import { rubricSchema, scoreSheetSchema, type Rubric } from '../review/rubric.js';
import { roundConfigSchema } from '../round.js';

/**
 * Contracts of the experts' own pages (/api/expert): their tasks in their own order, the declaration
 * of no conflict that gates the content, and the score sheet (draft, then submitted and read-only).
 */

/** Where one assignment stands from the expert's side (derived from the row, never stored). */
export const EXPERT_TASK_STATES = ['toDeclare', 'reviewing', 'submitted', 'declined'] as const;
export type ExpertTaskState = (typeof EXPERT_TASK_STATES)[number];
export const EXPERT_TASK_STATE_LABELS: Record<ExpertTaskState, string> = {
  toDeclare: '待声明',
  reviewing: '评审中',
  submitted: '已提交',
  declined: '已回避',
};

/** The state of an assignment row: declined wins, then submitted, then declared. */
export function expertTaskState(row: { status: string; noConflictDeclaredAt: unknown; submittedAt: unknown }): ExpertTaskState {
  if (row.status === 'declined') return 'declined';
  if (row.submittedAt) return 'submitted';
  if (row.noConflictDeclaredAt) return 'reviewing';
  return 'toDeclare';
}

export const CONFLICT_REASON_MIN = 4;
export const CONFLICT_REASON_MAX = 300;

/** POST /api/expert/assignments/:id/conflict — the expert declares a conflict and steps aside (申请回避). */
export const declareConflictBody = z.object({
  reason: z
    .string({ error: '请填写回避原因' })
    .trim()
    .min(CONFLICT_REASON_MIN, `请填写回避原因（至少${CONFLICT_REASON_MIN}个字），如“本人曾在该单位任职”`)
    .max(CONFLICT_REASON_MAX, `回避原因不超过${CONFLICT_REASON_MAX}个字`),
});
export type DeclareConflictBody = z.infer<typeof declareConflictBody>;

/**
 * The score sheet as sent by the page (PUT draft, POST submit). Its shape only: the points are checked
 * against the rubric of the application's category by `draftSheetSchema` / `scoreSheetSchema`.
 */
export const scoreSheetBody = z.object({
  scores: z.record(z.string().max(40), z.number({ error: '得分应为数字' })).default({}),
  comment: z.string({ error: '评审意见应为文字' }).max(4000, '评审意见过长').optional(),
});
export type ScoreSheetBody = z.infer<typeof scoreSheetBody>;

/** A draft: the same checks per criterion as the submitted sheet, but criteria may still be empty. */
export function draftSheetSchema(rubric: Rubric) {
  const full = scoreSheetSchema(rubric);
  return full.extend({ scores: full.shape.scores.partial() });
}

/** One task in the expert's list: before the declaration only who applied and in which category. */
export const expertTaskView = z.object({
  id: z.string(),
  /** 1-based place in this expert's own order. */
  position: z.number(),
  organisationName: z.string().nullable(),
  category: z.string(),
  subType: z.string().nullable(),
  categoryTitle: z.string(),
  state: z.enum(EXPERT_TASK_STATES),
  /** The expert's own total once submitted. */
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
});
export type ExpertTaskView = z.infer<typeof expertTaskView>;

export const expertProgressView = z.object({
  /** Tasks that still count (declined ones excluded). */
  total: z.number(),
  submitted: z.number(),
  toDeclare: z.number(),
  reviewing: z.number(),
  declined: z.number(),
});

export const expertRoundView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  status: z.string(),
  progress: expertProgressView,
});
export type ExpertRoundView = z.infer<typeof expertRoundView>;

export const expertRoundTasksView = z.object({ round: expertRoundView, items: z.array(expertTaskView) });
export type ExpertRoundTasksView = z.infer<typeof expertRoundTasksView>;

/** The expert's own score sheet; never anyone else's. */
export const expertSheetView = z.object({
  scores: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  /** Sum of the points given so far. */
  total: z.number(),
  updatedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  editable: z.boolean(),
});
export type ExpertSheetView = z.infer<typeof expertSheetView>;

/** One assignment: header, rubric and own sheet. The content is a separate call, gated by the declaration. */
export const expertAssignmentView = z.object({
  id: z.string(),
  state: z.enum(EXPERT_TASK_STATES),
  round: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  organisationName: z.string().nullable(),
  category: z.string(),
  subType: z.string().nullable(),
  categoryTitle: z.string(),
  declaredAt: z.string().nullable(),
  conflictReason: z.string().nullable(),
  rubric: rubricSchema,
  sheet: expertSheetView.nullable(),
  /**
   * After the expert's own submission: how many experts have submitted for this application (a count,
   * not their scores, which experts never see here). Null before.
   */
  submittedReviews: z.number().nullable(),
});
export type ExpertAssignmentView = z.infer<typeof expertAssignmentView>;

/** The submitted application as an expert reads it: the snapshot, without the contact's mobile and e-mail. */
export const expertApplicationView = z.object({
  application: z.object({
    number: z.string(),
    category: z.string(),
    subType: z.string().nullable(),
    categoryTitle: z.string(),
    submittedAt: z.string(),
    data: z.record(z.string(), z.unknown()),
  }),
  organisation: z.object({
    name: z.string().nullable(),
    uscc: z.string().nullable(),
    regionName: z.string().nullable(),
    registry: z.record(z.string(), z.string().nullable()).nullable(),
    contact: z.object({ name: z.string(), position: z.string() }).nullable(),
  }),
  files: z.array(fileView),
  /** The round's settings, which shape the form (indicator years, sub-types). */
  roundConfig: roundConfigSchema,
});
export type ExpertApplicationView = z.infer<typeof expertApplicationView>;
