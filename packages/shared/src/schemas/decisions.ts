import { z } from 'zod';
import { CATEGORIES } from '../categories.js';

/**
 * Contracts of the organiser's decisions (拟入选名单): prepared from the ranking and edited, previewed with
 * the limit check, released together; then the outbox of notices the organiser inspects before sending.
 */

export const DECISIONS = ['selected', 'not_selected'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = { selected: '入选', not_selected: '未入选' };

/** At most this many selected per ranking group (key as in the ranking: enterprise, platform:shared …). */
export const decisionLimits = z.record(z.string().max(40), z.number().int().min(0, '名额不能为负数').max(100000));
export type DecisionLimits = z.infer<typeof decisionLimits>;

/** POST …/decisions/prepare — take the top N of each group's ranking as selected, the rest not selected. */
export const prepareDecisionsBody = z.object({
  topN: decisionLimits,
  note: z.string().max(500).optional(),
});
export type PrepareDecisionsBody = z.infer<typeof prepareDecisionsBody>;

/** PUT …/decisions/:applicationId — one manual edit. */
export const editDecisionBody = z.object({
  decision: z.enum(DECISIONS, { error: '请选择入选或未入选' }),
  rank: z.number().int().min(1).max(100000).nullable().optional(),
  note: z.string().max(500, '备注不超过500字').nullable().optional(),
});
export type EditDecisionBody = z.infer<typeof editDecisionBody>;

/** POST …/decisions/preview and …/release: the limits checked (the organiser's maximum per group). */
export const decisionCheckBody = z.object({ limits: decisionLimits.default({}) });
export type DecisionCheckBody = z.infer<typeof decisionCheckBody>;

export const reopenDecisionsBody = z.object({ reason: z.string().trim().min(4, '请填写重新开放的原因（至少4个字）').max(500) });

export const decisionRow = z.object({
  applicationId: z.string(),
  number: z.string(),
  name: z.string(),
  regionName: z.string(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  groupKey: z.string(),
  decision: z.enum(DECISIONS),
  rank: z.number().nullable(),
  note: z.string().nullable(),
  releasedAt: z.string().nullable(),
});
export type DecisionRow = z.infer<typeof decisionRow>;

export const decisionGroupPreview = z.object({
  key: z.string(),
  title: z.string(),
  selected: z.number(),
  notSelected: z.number(),
  /** Applications that reached the organiser in this group without a decision yet. */
  undecided: z.number(),
  limit: z.number().nullable(),
  overLimit: z.boolean(),
  selectedNames: z.array(z.string()),
});

export const decisionPreview = z.object({
  groups: z.array(decisionGroupPreview),
  totalSelected: z.number(),
  totalNotSelected: z.number(),
  /** Block the release (limit exceeded, nothing prepared, undecided applications). */
  errors: z.array(z.string()),
  /** Shown, not blocking (unscored or incompletely reviewed applications, outliers, high spread). */
  warnings: z.array(z.string()),
  canRelease: z.boolean(),
});
export type DecisionPreview = z.infer<typeof decisionPreview>;

export const decisionsResponse = z.object({
  released: z.boolean(),
  releasedAt: z.string().nullable(),
  rows: z.array(decisionRow),
});
export type DecisionsResponse = z.infer<typeof decisionsResponse>;

export const releaseResult = z.object({ released: z.number(), notifications: z.number(), releasedAt: z.string() });

export const outboxEntry = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  recipientName: z.string(),
  /** Masked: 138****1234, z***@example.com; null when the applicant gave none. */
  mobileMasked: z.string().nullable(),
  emailMasked: z.string().nullable(),
  channels: z.array(z.enum(['sms', 'email'])),
  status: z.string(),
  createdAt: z.string(),
});
export type OutboxEntry = z.infer<typeof outboxEntry>;

export const outboxResponse = z.object({ pending: z.array(outboxEntry), sentCount: z.number(), failedCount: z.number() });
export type OutboxResponse = z.infer<typeof outboxResponse>;

export const outboxReleaseResult = z.object({ released: z.number(), sent: z.number(), failed: z.number() });
