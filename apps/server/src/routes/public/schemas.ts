import { z } from 'zod';
import { CATEGORIES, OBJECTION_STATUSES } from '@fw/shared';

/** An error with field-level messages (shown at the form's fields). */
export const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
export const roundCodeParams = z.object({ roundCode: z.string().max(16) });
export const phase = z.enum(['upcoming', 'open', 'ended', 'published']);

export const publicNoticeSummary = z.object({
  roundCode: z.string(),
  roundName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  publishedAt: z.string().nullable(),
  phase,
  entryCount: z.number(),
});

/** An entry as the public sees it: no application id, no contact, nothing personal. */
export const publicEntry = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  mode: z.string().nullable(),
  regionName: z.string(),
  withdrawn: z.boolean(),
  withdrawReason: z.string().nullable(),
});

export const publicNoticeView = publicNoticeSummary.omit({ entryCount: true }).extend({
  body: z.string().nullable(),
  contactInfo: z.string().nullable(),
  /** The server's clock, so the page's countdown does not trust the phone's. */
  now: z.string(),
  entries: z.array(publicEntry),
});

export const objectionReceiptView = z.object({ receipt: z.string(), lodgedAt: z.string() });

export const receiptParams = z.object({ receipt: z.string().max(32) });
export const receiptQuery = z.object({ contact: z.string({ error: '请填写提交异议时留下的联系方式' }).trim().min(1, '请填写提交异议时留下的联系方式').max(100) });
export const objectionAnswerView = z.object({
  receipt: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  entryName: z.string().nullable(),
  lodgedAt: z.string(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
});

export const publicUnit = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  mode: z.string().nullable(),
  regionName: z.string(),
  title: z.string(),
  batch: z.string(),
  year: z.number(),
});
export const unitPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(publicUnit),
  years: z.array(z.number()),
  batches: z.array(z.string()),
});
