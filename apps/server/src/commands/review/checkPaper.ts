import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { reviews, submissions } from '../../db/schema/index.js';
import { asAuthority, loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { recordAudit } from '../../services/audit.js';
import { lockReviewRow } from './reviewRow.js';

export type PaperResult = 'matches' | 'superseded' | 'unknown';

export interface PaperCheckResult {
  number: string;
  result: PaperResult;
  applicationId?: string;
  organisationName?: string | null;
  currentNumber?: string | null;
}

/**
 * The number from what was typed or scanned: the QR code of the PDF holds a verify URL
 * (…/verify/N3-440305-E00001K), a typist enters the bare number in any case and with spaces.
 */
export function paperNumberOf(input: string): string {
  let s = input.trim();
  const marker = s.search(/\/verify\//i);
  if (marker >= 0) {
    s = s.slice(marker + '/verify/'.length).split(/[?#/]/)[0] ?? '';
    try {
      s = decodeURIComponent(s);
    } catch {
      // A broken escape is kept as typed; it will not match any number.
    }
  }
  return s.replace(/\s+/g, '').toUpperCase();
}

/**
 * Paper check: whether the number on the paper copy is the application's current electronic one.
 * A number of an earlier submission is flagged as superseded. The result is recorded on this
 * reviewer's review of that application; another region's number answers 404.
 */
export async function checkPaper(ctx: AppContext, actor: Actor, input: { number: string }): Promise<PaperCheckResult> {
  const authority = asAuthority(actor);
  const number = paperNumberOf(input.number);
  const [submission] = number ? await ctx.db.select({ applicationId: submissions.applicationId }).from(submissions).where(eq(submissions.number, number)).limit(1) : [];
  if (!submission) return { number, result: 'unknown' };
  const { application, organisation, round } = await loadApplicationForAuthority(ctx, authority, submission.applicationId);
  const result: PaperResult = application.currentNumber === number ? 'matches' : 'superseded';
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const review = await lockReviewRow(tx, authority, application, now);
    await tx.update(reviews).set({ paperNumber: number, paperResult: result, paperCheckedAt: now, updatedAt: now }).where(eq(reviews.id, review.id));
    await recordAudit(tx, {
      actorId: authority.id,
      action: 'review.paper',
      subjectType: 'application',
      subjectId: application.id,
      regionCode: application.regionCode,
      detail: { roundId: round.id, number, result, currentNumber: application.currentNumber },
      ip: authority.ip,
    });
  });
  return { number, result, applicationId: application.id, organisationName: organisation.name, currentNumber: application.currentNumber };
}
