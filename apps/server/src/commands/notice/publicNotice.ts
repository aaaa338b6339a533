import { asc, count, desc, eq, lte } from 'drizzle-orm';
import { noticePhase, type Category, type NoticePhase } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { noticeEntries, publicNotices, rounds } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { regionNames } from './regionNames.js';

/** Round codes are short upper-case tokens (N3, SZ1); anything else is no notice. */
const ROUND_CODE = /^[A-Za-z0-9]{1,8}$/;

export interface PublicNoticeSummary {
  roundCode: string;
  roundName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  publishedAt: Date | null;
  phase: NoticePhase;
  entryCount: number;
}

/** Notices that have started (open, ended awaiting publication, published), newest first. */
export async function listPublicNotices(ctx: AppContext): Promise<PublicNoticeSummary[]> {
  const now = ctx.now();
  const rows = await ctx.db
    .select({ notice: publicNotices, roundCode: rounds.code, roundName: rounds.name, entryCount: count(noticeEntries.id) })
    .from(publicNotices)
    .innerJoin(rounds, eq(rounds.id, publicNotices.roundId))
    .leftJoin(noticeEntries, eq(noticeEntries.noticeId, publicNotices.id))
    .where(lte(publicNotices.startsAt, now))
    .groupBy(publicNotices.id, rounds.code, rounds.name)
    .orderBy(desc(publicNotices.startsAt));
  return rows.map((r) => ({
    roundCode: r.roundCode,
    roundName: r.roundName,
    title: r.notice.title,
    startsAt: r.notice.startsAt,
    endsAt: r.notice.endsAt,
    publishedAt: r.notice.publishedAt,
    phase: noticePhase(r.notice, now),
    entryCount: r.entryCount,
  }));
}

/** The notice of a round by its code, once started (before, it is the organiser's draft: 404). */
export async function findStartedNotice(ctx: AppContext, roundCode: string) {
  if (!ROUND_CODE.test(roundCode)) throw notFound('公示');
  const [row] = await ctx.db
    .select({ notice: publicNotices, round: rounds })
    .from(publicNotices)
    .innerJoin(rounds, eq(rounds.id, publicNotices.roundId))
    .where(eq(rounds.code, roundCode.toUpperCase()))
    .limit(1);
  return row ?? null;
}

/** One notice with its entries: names, categories, modes and regions only (nothing personal, no application ids). */
export async function loadPublicNotice(ctx: AppContext, roundCode: string) {
  const now = ctx.now();
  const row = await findStartedNotice(ctx, roundCode);
  if (!row || noticePhase(row.notice, now) === 'upcoming') throw notFound('公示');
  const entries = await ctx.db.select().from(noticeEntries).where(eq(noticeEntries.noticeId, row.notice.id)).orderBy(asc(noticeEntries.position));
  const names = await regionNames(ctx.db, entries.map((e) => e.regionCode));
  return {
    roundCode: row.round.code,
    roundName: row.round.name,
    title: row.notice.title,
    body: row.notice.body,
    contactInfo: row.notice.contactInfo,
    startsAt: row.notice.startsAt,
    endsAt: row.notice.endsAt,
    publishedAt: row.notice.publishedAt,
    phase: noticePhase(row.notice, now),
    now,
    entries: entries.map((e) => ({
      id: e.id,
      position: e.position,
      name: e.name,
      category: e.category as Category,
      subType: e.subType,
      mode: e.mode,
      regionName: names.get(e.regionCode) ?? e.regionCode,
      withdrawn: !!e.withdrawnAt,
      withdrawReason: e.withdrawnAt ? e.withdrawReason : null,
    })),
  };
}
