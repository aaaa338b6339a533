import { and, count, eq, isNull } from 'drizzle-orm';
import { batchOf, demonstrationTitle, type Category } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { demonstrationUnits, noticeEntries, objections, publicNotices, rounds } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { notify } from '../notifications/notify.js';
import { applicantsOf } from './applicantOf.js';
import { requireNoticeForOrganiser } from './loadNotice.js';
import { organiserName } from './regionNames.js';
import { beijingDateTime, beijingYear } from './beijingTime.js';

/**
 * 发布: after the window, with every objection answered, the list is final. Each entry still on it
 * becomes a demonstration unit (示范单位) with its title, batch and year; the round is published and
 * each unit's applicant is told.
 */
export async function publishNotice(ctx: AppContext, actor: Actor, roundId: string) {
  const { round, notice } = await requireNoticeForOrganiser(ctx, actor, roundId);
  const now = ctx.now();
  if (notice.publishedAt) throw new AppError('STATUS_CONFLICT', '名单已发布');
  if (now.getTime() < notice.endsAt.getTime()) throw new AppError('STATUS_CONFLICT', `公示期尚未结束（${beijingDateTime(notice.endsAt)}结束），不能发布`);
  const owner = await organiserName(ctx.db, round.organiserRegion);

  return ctx.db.transaction(async (tx) => {
    // The row lock orders publication against a concurrent publish and against answers in flight.
    const [locked] = await tx.select().from(publicNotices).where(eq(publicNotices.id, notice.id)).for('update');
    if (locked?.publishedAt) throw new AppError('STATUS_CONFLICT', '名单已发布');
    const [open] = await tx.select({ n: count() }).from(objections).where(and(eq(objections.noticeId, notice.id), eq(objections.status, 'open')));
    if (open && open.n > 0) throw new AppError('STATUS_CONFLICT', `尚有${open.n}条异议未处理，处理完毕后方可发布`);

    const entries = await tx.select().from(noticeEntries).where(and(eq(noticeEntries.noticeId, notice.id), isNull(noticeEntries.withdrawnAt))).orderBy(noticeEntries.position);
    const applicants = await applicantsOf(tx, entries.map((e) => e.applicationId));
    const batch = batchOf(round);
    const year = beijingYear(now);
    const units = entries.length
      ? await tx
          .insert(demonstrationUnits)
          .values(
            entries.map((e) => ({
              uscc: applicants.get(e.applicationId)?.uscc ?? null,
              name: e.name,
              organisationId: applicants.get(e.applicationId)?.organisationId ?? null,
              category: e.category,
              subType: e.subType,
              mode: e.mode,
              regionCode: e.regionCode,
              title: demonstrationTitle(e.category as Category, owner),
              roundId: round.id,
              applicationId: e.applicationId,
              batch,
              year,
              source: 'published',
            })),
          )
          .onConflictDoNothing()
          .returning()
      : [];
    const [published] = await tx.update(publicNotices).set({ publishedAt: now }).where(eq(publicNotices.id, notice.id)).returning();
    await tx.update(rounds).set({ status: 'published' }).where(eq(rounds.id, round.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'notice.publish',
      subjectType: 'notice',
      subjectId: notice.id,
      regionCode: round.organiserRegion,
      detail: { roundId: round.id, units: units.length, batch, year },
      ip: actor.ip,
    });
    for (const u of units) {
      const applicant = u.applicationId ? applicants.get(u.applicationId) : undefined;
      if (!applicant) continue;
      await notify(tx, {
        userId: applicant.userId,
        roundId: round.id,
        kind: 'notice_published',
        title: `${round.name}：名单已发布`,
        body: `经公示无异议，${u.name}被认定为${u.title}（${batch}，${year}年）。`,
        channels: ['sms'],
        release: true,
        now,
      });
    }
    return { round, notice: published!, units };
  });
}
