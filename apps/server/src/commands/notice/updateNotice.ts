import { and, eq, gt } from 'drizzle-orm';
import type { NoticeBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { publicNotices } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { requireNoticeForOrganiser } from './loadNotice.js';
import { noticeWindow } from './createNotice.js';

/** Edits title, text, window and contact while the notice has not started (once public, it stands). */
export async function updateNotice(ctx: AppContext, actor: Actor, roundId: string, body: NoticeBody) {
  const { round, notice } = await requireNoticeForOrganiser(ctx, actor, roundId);
  const now = ctx.now();
  if (notice.startsAt.getTime() <= now.getTime()) throw new AppError('STATUS_CONFLICT', '公示已开始，不能修改');
  const window = noticeWindow(round, body, now);
  return ctx.db.transaction(async (tx) => {
    // Guarded on the start still being ahead: an edit racing the start changes nothing.
    const [updated] = await tx
      .update(publicNotices)
      .set({ title: body.title, body: body.body || null, contactInfo: body.contactInfo || null, ...window })
      .where(and(eq(publicNotices.id, notice.id), gt(publicNotices.startsAt, now)))
      .returning();
    if (!updated) throw new AppError('STATUS_CONFLICT', '公示已开始，不能修改');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'notice.update',
      subjectType: 'notice',
      subjectId: notice.id,
      regionCode: round.organiserRegion,
      detail: { roundId: round.id, before: { title: notice.title, startsAt: notice.startsAt.toISOString(), endsAt: notice.endsAt.toISOString() }, after: { title: updated.title, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() } },
      ip: actor.ip,
    });
    return { round, notice: updated };
  });
}
