import { DEFAULT_NOTICE_DAYS, noticeWindowProblem, type NoticeBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { noticeEntries, publicNotices } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadNoticeForOrganiser } from './loadNotice.js';
import { selectedEntries } from './selectedEntries.js';
import type { RoundRow } from '../../policies/organiser.js';

/** A little slack for the organiser's clock and the time the form took to send. */
const PAST_TOLERANCE_MS = 10 * 60_000;

/** Start and end of the window: the start defaults to now, the end to the round's 公示期 after it. */
export function noticeWindow(round: RoundRow, body: Pick<NoticeBody, 'startsAt' | 'endsAt'>, now: Date): { startsAt: Date; endsAt: Date } {
  const startsAt = body.startsAt ? new Date(body.startsAt) : now;
  const days = round.config.stages?.noticeDays ?? DEFAULT_NOTICE_DAYS;
  const endsAt = body.endsAt ? new Date(body.endsAt) : new Date(startsAt.getTime() + days * 86400_000);
  const problem = noticeWindowProblem(startsAt, endsAt);
  if (problem) throw new AppError('VALIDATION', problem, { endsAt: problem });
  if (startsAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) throw new AppError('VALIDATION', '公示开始时间不能早于当前时间', { startsAt: '公示开始时间不能早于当前时间' });
  return { startsAt, endsAt };
}

/**
 * 公示: the notice of a round's released selected list, its entries copied from the applications so
 * the public page never reads application data. One notice per round.
 */
export async function createNotice(ctx: AppContext, actor: Actor, roundId: string, body: NoticeBody) {
  const { round, notice: existing } = await loadNoticeForOrganiser(ctx, actor, roundId);
  if (existing) throw new AppError('STATUS_CONFLICT', '本批次已创建公示');
  const now = ctx.now();
  const window = noticeWindow(round, body, now);
  return ctx.db.transaction(async (tx) => {
    const entries = await selectedEntries(tx, round);
    if (!entries.length) throw new AppError('STATUS_CONFLICT', '尚无已发布的拟入选名单，请先在“入选决定”中发布');
    // Two clicks at once: the unique notice per round lets one through.
    const [notice] = await tx
      .insert(publicNotices)
      .values({ roundId: round.id, title: body.title, body: body.body || null, contactInfo: body.contactInfo || null, ...window, createdBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!notice) throw new AppError('STATUS_CONFLICT', '本批次已创建公示');
    await tx.insert(noticeEntries).values(entries.map((e) => ({ ...e, noticeId: notice.id })));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'notice.create',
      subjectType: 'notice',
      subjectId: notice.id,
      regionCode: round.organiserRegion,
      detail: { roundId: round.id, entries: entries.length, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() },
      ip: actor.ip,
    });
    return { round, notice };
  });
}
