import { and, asc, count, desc, eq, isNotNull } from 'drizzle-orm';
import { maskEmail, maskMobile, noticePhase, objectionReceipt, type Category, type ObjectionStatus } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { noticeEntries, objections, roundDecisions } from '../../db/schema/index.js';
import { loadNoticeForOrganiser } from './loadNotice.js';
import { regionNames } from './regionNames.js';

const masked = (contact: string) => (contact.includes('@') ? maskEmail(contact) : maskMobile(contact));

/**
 * The organiser's page: the notice (or how many released selections a new one would list), its
 * entries, the objections (contacts masked; revealing one is a separate, audited request) and what
 * publication still waits for.
 */
export async function noticeOverview(ctx: AppContext, actor: Actor, roundId: string) {
  const { round, notice } = await loadNoticeForOrganiser(ctx, actor, roundId);
  const now = ctx.now();
  const [selected] = await ctx.db
    .select({ n: count() })
    .from(roundDecisions)
    .where(and(eq(roundDecisions.roundId, round.id), eq(roundDecisions.decision, 'selected'), isNotNull(roundDecisions.releasedAt)));
  const roundView = { id: round.id, code: round.code, name: round.name, status: round.status, noticeDays: round.config.stages?.noticeDays ?? null };
  if (!notice) return { round: roundView, releasedSelected: selected?.n ?? 0, notice: null, entries: [], objections: [], checks: null, now };

  const entries = await ctx.db.select().from(noticeEntries).where(eq(noticeEntries.noticeId, notice.id)).orderBy(asc(noticeEntries.position));
  const names = await regionNames(ctx.db, entries.map((e) => e.regionCode));
  const entryName = new Map(entries.map((e) => [e.id, e.name]));
  const rows = await ctx.db.select().from(objections).where(eq(objections.noticeId, notice.id)).orderBy(desc(objections.createdAt));
  const reveal = (enc: string) => {
    try {
      return masked(ctx.personalData.reveal(enc));
    } catch {
      return '***';
    }
  };
  const phase = noticePhase(notice, now);
  const open = rows.filter((o) => o.status === 'open').length;
  return {
    round: roundView,
    releasedSelected: selected?.n ?? 0,
    notice: {
      id: notice.id,
      title: notice.title,
      body: notice.body,
      contactInfo: notice.contactInfo,
      startsAt: notice.startsAt,
      endsAt: notice.endsAt,
      publishedAt: notice.publishedAt,
      phase,
      editable: phase === 'upcoming',
    },
    entries: entries.map((e) => ({
      id: e.id,
      position: e.position,
      name: e.name,
      category: e.category as Category,
      subType: e.subType,
      mode: e.mode,
      regionCode: e.regionCode,
      regionName: names.get(e.regionCode) ?? e.regionCode,
      withdrawnAt: e.withdrawnAt,
      withdrawReason: e.withdrawReason,
    })),
    objections: rows.map((o) => ({
      id: o.id,
      receipt: objectionReceipt(o.id),
      entryId: o.entryId,
      entryName: o.entryId ? (entryName.get(o.entryId) ?? null) : null,
      text: o.text,
      contactName: o.contactName,
      contactMasked: reveal(o.contactEnc),
      status: o.status as ObjectionStatus,
      answer: o.answer,
      answeredAt: o.answeredAt,
      createdAt: o.createdAt,
    })),
    checks: {
      windowEnded: now.getTime() >= notice.endsAt.getTime(),
      openObjections: open,
      published: !!notice.publishedAt,
      units: entries.filter((e) => !e.withdrawnAt).length,
      canPublish: !notice.publishedAt && now.getTime() >= notice.endsAt.getTime() && open === 0,
    },
    now,
  };
}
