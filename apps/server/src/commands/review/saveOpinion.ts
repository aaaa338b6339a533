import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { reviews } from '../../db/schema/index.js';
import { loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { recordAudit } from '../../services/audit.js';
import { lockReviewRow } from './reviewRow.js';

/** 推荐意见: the authority's opinion text, printed into the PDF application book it exports. */
export async function saveOpinion(ctx: AppContext, actor: Actor, id: string, input: { opinion: string }) {
  const { application, round, authority } = await loadApplicationForAuthority(ctx, actor, id);
  const opinion = input.opinion.trim() || null;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const review = await lockReviewRow(tx, authority, application, now);
    const [updated] = await tx.update(reviews).set({ opinion, updatedAt: now }).where(eq(reviews.id, review.id)).returning();
    await recordAudit(tx, {
      actorId: authority.id,
      action: 'review.opinion',
      subjectType: 'application',
      subjectId: application.id,
      regionCode: application.regionCode,
      detail: { roundId: round.id, length: opinion?.length ?? 0 },
      ip: authority.ip,
    });
    return updated!;
  });
}
