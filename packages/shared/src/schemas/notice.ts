import { z } from 'zod';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../categories.js';
import { MOBILE_PATTERN } from '../rules/mobile.js';

/** 公示期 when the round's config names none (stages.noticeDays). */
export const DEFAULT_NOTICE_DAYS = 7;
/** A notice runs at least one day. */
export const MIN_NOTICE_MS = 86400_000;
export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 5000;
export const NOTICE_CONTACT_MAX = 500;
export const OBJECTION_TEXT_MIN = 10;
export const OBJECTION_TEXT_MAX = 2000;
export const OBJECTION_ANSWER_MAX = 2000;
export const WITHDRAW_REASON_MAX = 200;

const isoDateTime = z.iso.datetime({ offset: true, error: '时间格式不正确' });

/**
 * Why a notice window is not acceptable, or null: the end after the start, and at least a day.
 * The form and the command both ask it (the command after filling in the default end).
 */
export function noticeWindowProblem(startsAt: Date, endsAt: Date): string | null {
  if (!(endsAt.getTime() > startsAt.getTime())) return '公示结束时间须晚于开始时间';
  if (endsAt.getTime() - startsAt.getTime() < MIN_NOTICE_MS) return '公示期至少1天';
  return null;
}

/** POST/PUT /api/organiser/rounds/:roundId/notice: without dates it starts now and runs the round's 公示期. */
export const noticeBody = z
  .object({
    title: z.string({ error: '请填写公示标题' }).trim().min(2, '请填写公示标题').max(NOTICE_TITLE_MAX, `标题不超过${NOTICE_TITLE_MAX}个字`),
    body: z.string().trim().max(NOTICE_BODY_MAX, `公示说明不超过${NOTICE_BODY_MAX}个字`).optional(),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
    /** Where objections go besides this page (office, phone, address). */
    contactInfo: z.string().trim().max(NOTICE_CONTACT_MAX, `联系方式不超过${NOTICE_CONTACT_MAX}个字`).optional(),
  })
  .superRefine((b, c) => {
    if (!b.startsAt || !b.endsAt) return;
    const problem = noticeWindowProblem(new Date(b.startsAt), new Date(b.endsAt));
    if (problem) c.addIssue({ code: 'custom', path: ['endsAt'], message: problem });
  });
export type NoticeBody = z.infer<typeof noticeBody>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An objector's contact: a mainland mobile number or an e-mail address. */
export function isObjectionContact(s: string): boolean {
  return MOBILE_PATTERN.test(s) || (s.length <= 100 && EMAIL.test(s));
}

/** POST /api/public/notices/:roundCode/objections — the public form and the route share it. */
export const objectionBody = z.object({
  /** The entry objected to; absent for an objection to the list as a whole. */
  entryId: z.uuid('请选择异议对象').optional(),
  text: z
    .string({ error: '请填写异议内容' })
    .trim()
    .min(OBJECTION_TEXT_MIN, `异议内容至少${OBJECTION_TEXT_MIN}个字，请写明事实和理由`)
    .max(OBJECTION_TEXT_MAX, `异议内容不超过${OBJECTION_TEXT_MAX}个字`),
  name: z.string({ error: '请填写姓名或单位名称' }).trim().min(2, '请填写姓名或单位名称').max(50, '姓名或单位名称不超过50个字'),
  contact: z
    .string({ error: '请填写联系方式' })
    .trim()
    .refine(isObjectionContact, '请填写正确的手机号码或电子邮箱'),
  /** Honeypot: hidden from people; a form that fills it is a bot. */
  website: z.string().max(200).optional(),
});
export type ObjectionBody = z.infer<typeof objectionBody>;

export const OBJECTION_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = { open: '待处理', upheld: '异议成立', rejected: '异议不成立' };

/** POST /api/organiser/objections/:id/answer */
export const answerObjectionBody = z.object({
  /** uphold: the objection stands and the entry it names leaves the list; reject: it does not. */
  outcome: z.enum(['uphold', 'reject'], { error: '请选择处理结果' }),
  /** The reply to the objector. */
  answer: z.string({ error: '请填写答复内容' }).trim().min(2, '请填写答复内容').max(OBJECTION_ANSWER_MAX, `答复不超过${OBJECTION_ANSWER_MAX}个字`),
  /** Shown publicly beside a withdrawn entry (the answer itself stays between organiser and objector). */
  withdrawReason: z.string().trim().max(WITHDRAW_REASON_MAX, `撤销说明不超过${WITHDRAW_REASON_MAX}个字`).optional(),
});
export type AnswerObjectionBody = z.infer<typeof answerObjectionBody>;

/** upcoming (not yet public) → open (objections accepted) → ended (awaiting publication) → published. */
export type NoticePhase = 'upcoming' | 'open' | 'ended' | 'published';
export const NOTICE_PHASE_LABELS: Record<NoticePhase, string> = { upcoming: '未开始', open: '公示中', ended: '公示期已结束', published: '已发布' };

export function noticePhase(n: { startsAt: Date | string; endsAt: Date | string; publishedAt: Date | string | null }, now: Date): NoticePhase {
  if (n.publishedAt) return 'published';
  if (now.getTime() < new Date(n.startsAt).getTime()) return 'upcoming';
  if (now.getTime() < new Date(n.endsAt).getTime()) return 'open';
  return 'ended';
}

/**
 * The title a published unit holds (示范称号): 服务型制造示范企业 for the ministry's rounds; a province's or
 * city's round prefixes its own name (上海市服务型制造示范企业).
 */
export function demonstrationTitle(category: Category, organiserName?: string | null): string {
  return `${organiserName ?? ''}服务型制造${CATEGORY_LABELS[category]}`;
}

/** 批次 as printed (第三批) from the round's name, else the round's year. */
export function batchOf(round: { name: string; year: number }): string {
  return /第[一二三四五六七八九十百零〇\d]+批/.exec(round.name)?.[0] ?? `${round.year}年`;
}

/** A receipt (回执编号) of an objection: YY-XXXX-XXXX-XXXX from its id, kept by the objector. */
export function objectionReceipt(id: string): string {
  const hex = id.replace(/-/g, '').slice(0, 12).toUpperCase();
  return `YY-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}
export const OBJECTION_RECEIPT_PATTERN = /^YY-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

/** GET /api/public/units query. */
export const unitSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(CATEGORIES).optional(),
  /** A region code; its whole territory matches (440000: all of Guangdong). */
  region: z.string().regex(/^\d{6}$/, '地区代码应为6位数字').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  batch: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type UnitSearchQuery = z.infer<typeof unitSearchQuery>;
