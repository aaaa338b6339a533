import { and, eq, isNull } from 'drizzle-orm';
import type { AnswerObjectionBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { noticeEntries, objections } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { notify } from '../notifications/notify.js';
import { applicantsOf } from './applicantOf.js';
import { loadObjectionForOrganiser } from './loadNotice.js';

const DEFAULT_WITHDRAW_REASON = '经核查，异议成立';

/**
 * Answers an objection: upheld, the entry it names leaves the list (with a public reason); rejected, the
 * entry stays. Until publication. The unit concerned is told the outcome (not who objected).
 */
export async function answerObjection(ctx: AppContext, actor: Actor, objectionId: string, body: AnswerObjectionBody) {
  const { objection, notice, round } = await loadObjectionForOrganiser(ctx, actor, objectionId);
  if (notice.publishedAt) throw new AppError('STATUS_CONFLICT', '名单已发布，不能再处理异议');
  if (objection.status !== 'open') throw new AppError('STATUS_CONFLICT', '该异议已处理');
  const now = ctx.now();
  const upheld = body.outcome === 'uphold';
  const status = upheld ? 'upheld' : 'rejected';
  return ctx.db.transaction(async (tx) => {
    // A stale status updates nothing: two organisers answering at once, one wins.
    const [answered] = await tx
      .update(objections)
      .set({ status, answer: body.answer, answeredBy: actor.id, answeredAt: now })
      .where(and(eq(objections.id, objection.id), eq(objections.status, 'open')))
      .returning();
    if (!answered) throw new AppError('STATUS_CONFLICT', '该异议已处理');

    let entry: typeof noticeEntries.$inferSelect | undefined;
    if (objection.entryId) [entry] = await tx.select().from(noticeEntries).where(eq(noticeEntries.id, objection.entryId));
    let withdrawn = false;
    if (upheld && entry && !entry.withdrawnAt) {
      const reason = body.withdrawReason || DEFAULT_WITHDRAW_REASON;
      const done = await tx
        .update(noticeEntries)
        .set({ withdrawnAt: now, withdrawReason: reason })
        .where(and(eq(noticeEntries.id, entry.id), isNull(noticeEntries.withdrawnAt)))
        .returning({ id: noticeEntries.id });
      withdrawn = done.length > 0;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: upheld ? 'objection.uphold' : 'objection.reject',
      subjectType: 'objection',
      subjectId: objection.id,
      regionCode: round.organiserRegion,
      detail: { noticeId: notice.id, entryId: entry?.id ?? null, withdrawn, answer: body.answer },
      ip: actor.ip,
    });
    if (entry) {
      const applicant = (await applicantsOf(tx, [entry.applicationId])).get(entry.applicationId);
      if (applicant) {
        await notify(tx, {
          userId: applicant.userId,
          roundId: round.id,
          kind: 'objection_answered',
          title: withdrawn ? `${round.name}：公示名单调整` : `${round.name}：公示异议处理结果`,
          body: withdrawn
            ? `${entry.name}在公示期间收到的异议经核查成立，已从公示名单中撤销。说明：${body.withdrawReason || DEFAULT_WITHDRAW_REASON}`
            : `${entry.name}在公示期间收到的异议经核查不成立，仍在公示名单中。`,
          channels: withdrawn ? ['sms'] : [],
          release: true,
          now,
        });
      }
    }
    return { objection: answered, withdrawn };
  });
}
