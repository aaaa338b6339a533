import { and, eq, like, sql } from 'drizzle-orm';
import { OBJECTION_RECEIPT_PATTERN, objectionReceipt, type ObjectionStatus } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { noticeEntries, objections } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';

const sameContact = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The objector asks for the answer with the receipt and the contact they gave: both must match, so a
 * receipt alone reveals nothing.
 */
export async function findObjectionByReceipt(ctx: AppContext, receipt: string, contact: string) {
  const missing = notFound('异议回执');
  const r = receipt.trim().toUpperCase();
  if (!OBJECTION_RECEIPT_PATTERN.test(r)) throw missing;
  const hex = r.slice(3).replace(/-/g, '').toLowerCase();
  const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
  const rows = await ctx.db
    .select({ objection: objections, entryName: noticeEntries.name })
    .from(objections)
    .leftJoin(noticeEntries, eq(noticeEntries.id, objections.entryId))
    .where(and(like(sql`${objections.id}::text`, `${prefix}%`)))
    .limit(5);
  const found = rows.find((x) => {
    try {
      return sameContact(ctx.personalData.reveal(x.objection.contactEnc), contact);
    } catch {
      return false;
    }
  });
  if (!found) throw missing;
  const o = found.objection;
  return {
    receipt: objectionReceipt(o.id),
    status: o.status as ObjectionStatus,
    entryName: found.entryName ?? null,
    lodgedAt: o.createdAt,
    answeredAt: o.answeredAt,
    answer: o.status === 'open' ? null : o.answer,
  };
}
