import { z } from 'zod';
import { CONFLICT_KINDS, SAME_REGION_RULES } from '../review/conflicts.js';

/**
 * Assignment of the applications that reached the organiser to experts (专家分配): preview, commit,
 * manual overrides and the lists, under /api/organiser/rounds/:roundId/assignments.
 */

export const conflictView = z.object({ kind: z.enum(CONFLICT_KINDS), reason: z.string() });
export type ConflictView = z.infer<typeof conflictView>;

/** What the organiser sees of an application in these pages (no content before review). */
export const assignmentApplicationRef = z.object({
  id: z.string(),
  number: z.string().nullable(),
  applicantName: z.string().nullable(),
  category: z.string(),
  subType: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
});
export type AssignmentApplicationRef = z.infer<typeof assignmentApplicationRef>;

export const assignmentExpertRef = z.object({
  id: z.string(),
  name: z.string(),
  employerName: z.string(),
  regionCode: z.string(),
  active: z.boolean(),
});
export type AssignmentExpertRef = z.infer<typeof assignmentExpertRef>;

export const reviewSettingsSummary = z.object({
  perApplication: z.number(),
  maxPerExpert: z.number(),
  sameRegionExcluded: z.enum(SAME_REGION_RULES),
  sameRegionLabel: z.string(),
  /** The seed of the run: the same seed and input give the same assignment. */
  seed: z.string(),
});

export const assignmentPreview = z.object({
  settings: reviewSettingsSummary,
  counts: z.object({
    applications: z.number(),
    /** Active experts of the pool. */
    experts: z.number(),
    /** Assignments already stored that stay (started or scored ones always do). */
    kept: z.number(),
    /** New assignments the commit inserts. */
    toAdd: z.number(),
    /** Stored assignments not yet started whose expert left the pool or now has a conflict. */
    toWithdraw: z.number(),
    /** Applications that stay short of experts. */
    unassignable: z.number(),
    conflicts: z.number(),
  }),
  loads: z.array(z.object({ expertId: z.string(), load: z.number(), added: z.number(), cap: z.number() })),
  loadMin: z.number(),
  loadMax: z.number(),
  unassignable: z.array(z.object({ applicationId: z.string(), needed: z.number(), assigned: z.number(), reason: z.string() })),
  /** Flagged pairs by kind (a pair with two kinds counts in both). */
  conflictCounts: z.record(z.enum(CONFLICT_KINDS), z.number()),
  /**
   * Every pair flagged for its organisation, legal representative or a declaration, with the reason
   * of each of its flags (a same-region flag of such a pair included).
   */
  conflicts: z.array(z.object({ applicationId: z.string(), expertId: z.string(), conflicts: z.array(conflictView), assigned: z.boolean() })),
  /**
   * Same-region flags, which come by the thousand under a region rule, grouped by region: every
   * application × every expert of a group is flagged with the group's reason.
   */
  regionConflicts: z.array(
    z.object({
      reason: z.string(),
      applicationIds: z.array(z.string()),
      expertIds: z.array(z.string()),
      /** Flagged pairs that are assigned all the same (kept or manual). */
      assigned: z.array(z.object({ applicationId: z.string(), expertId: z.string() })),
    }),
  ),
  withdrawals: z.array(z.object({ applicationId: z.string(), expertId: z.string(), reason: z.string() })),
  applications: z.array(assignmentApplicationRef),
  experts: z.array(assignmentExpertRef),
  /** Sent back with the commit: the commit refuses if the plan changed since the preview. */
  planDigest: z.string(),
});
export type AssignmentPreview = z.infer<typeof assignmentPreview>;

export const commitAssignmentsBody = z.object({ planDigest: z.string().regex(/^[0-9a-f]{64}$/, '请先预览分配') });
export const commitAssignmentsResponse = z.object({ added: z.number(), withdrawn: z.number(), kept: z.number() });
export type CommitAssignmentsResponse = z.infer<typeof commitAssignmentsResponse>;

export const OVERRIDE_REASON_MAX = 500;

/** POST …/assignments/overrides — force a pair in (conflicts shown and kept in the log) or keep it out. */
export const assignmentOverrideBody = z.object({
  action: z.enum(['assign', 'exclude']),
  applicationId: z.uuid(),
  expertId: z.uuid(),
  reason: z.string({ error: '请填写调整理由' }).trim().min(2, '请填写调整理由（至少2个字）').max(OVERRIDE_REASON_MAX, '理由不超过500字'),
});
export type AssignmentOverrideBody = z.infer<typeof assignmentOverrideBody>;

export const assignmentOverrideResponse = z.object({
  action: z.enum(['assign', 'exclude']),
  /** The conflicts the organiser overrode by assigning anyway (empty for exclusions). */
  conflictsOverridden: z.array(conflictView),
  note: z.string(),
});
export type AssignmentOverrideResponse = z.infer<typeof assignmentOverrideResponse>;

/** How an assignment stands, for the lists: scored once the sheet is submitted. */
export const ASSIGNMENT_STATES = ['assigned', 'started', 'scored', 'declined', 'withdrawn'] as const;
export type ReviewAssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const ASSIGNMENT_STATE_LABELS: Record<ReviewAssignmentState, string> = {
  assigned: '已分配',
  started: '评审中',
  scored: '已评分',
  declined: '已声明回避',
  withdrawn: '已撤回/排除',
};

export const assignmentRow = z.object({
  id: z.string(),
  applicationId: z.string(),
  expertId: z.string(),
  state: z.enum(ASSIGNMENT_STATES),
  source: z.enum(['auto', 'manual']),
  /** The expert's own reason when declining. */
  conflictReason: z.string().nullable(),
  /** Conflicts flagged for the pair under the round's rules (a manual assignment may have some). */
  conflicts: z.array(conflictView),
});
export type AssignmentRow = z.infer<typeof assignmentRow>;

export const assignmentListResponse = z.object({
  settings: reviewSettingsSummary,
  applications: z.array(assignmentApplicationRef.extend({ active: z.number(), needed: z.number() })),
  experts: z.array(assignmentExpertRef.extend({ load: z.number(), cap: z.number() })),
  assignments: z.array(assignmentRow),
});
export type AssignmentListResponse = z.infer<typeof assignmentListResponse>;

/** GET …/assignments/candidates?applicationId= — every pool expert for a manual assignment. */
export const assignmentCandidatesQuery = z.object({ applicationId: z.uuid() });
export const assignmentCandidatesResponse = z.object({
  candidates: z.array(
    assignmentExpertRef.extend({
      load: z.number(),
      cap: z.number(),
      conflicts: z.array(conflictView),
      /** The pair's current assignment state, if any. */
      state: z.enum(ASSIGNMENT_STATES).nullable(),
      reviewsCategory: z.boolean(),
    }),
  ),
});
export type AssignmentCandidatesResponse = z.infer<typeof assignmentCandidatesResponse>;
