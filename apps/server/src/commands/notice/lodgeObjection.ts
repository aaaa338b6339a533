import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { noticePhase, objectionReceipt, type ObjectionBody } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { noticeEntries, objections } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { findStartedNotice } from './publicNotice.js';

/**
 * 异议: anyone may object during the window, to one entry or to the list, with a name and a contact
 * (stored encrypted). Answers with a receipt number the objector keeps to ask for the answer.
 */
export async function lodgeObjection(ctx: AppContext, roundCode: string, body: ObjectionBody, ip: string | null): Promise<{ receipt: string; lodgedAt: Date }> {
  const now = ctx.now();
  const row = await findStartedNotice(ctx, roundCode);
  if (!row) throw notFound('公示');
  const phase = noticePhase(row.notice, now);
  if (phase === 'upcoming') throw new AppError('STATUS_CONFLICT', '公示期未开始，暂不受理异议');
  if (phase !== 'open') throw new AppError('STATUS_CONFLICT', '公示期已结束，不再受理异议');
  // A filled honeypot is a bot: it gets an answer that looks like success, and nothing is stored.
  if (body.website) return { receipt: objectionReceipt(crypto.randomUUID()), lodgedAt: now };

  if (body.entryId) {
    const [entry] = await ctx.db
      .select({ id: noticeEntries.id })
      .from(noticeEntries)
      .where(and(eq(noticeEntries.id, body.entryId), eq(noticeEntries.noticeId, row.notice.id)));
    if (!entry) throw new AppError('VALIDATION', '异议对象不在本公示名单中', { entryId: '异议对象不在本公示名单中' });
  }
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(objections)
      .values({
        noticeId: row.notice.id,
        entryId: body.entryId ?? null,
        text: body.text,
        contactName: body.name,
        contactEnc: ctx.personalData.protect(body.contact),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      actorId: null,
      action: 'objection.lodge',
      subjectType: 'objection',
      subjectId: saved!.id,
      regionCode: row.round.organiserRegion,
      // Never the contact: the audit log is readable by more people than the objection.
      detail: { noticeId: row.notice.id, entryId: body.entryId ?? null },
      ip,
    });
    return { receipt: objectionReceipt(saved!.id), lodgedAt: saved!.createdAt };
  });
}
