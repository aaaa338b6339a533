import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { regionClosures, reviews } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadRoundForAuthority } from './loadRound.js';

/**
 * Undoes the region's closing, which lets its applicants edit again. Refused once the region has
 * recommended anything in the round: what went up must come down through un-recommending first.
 */
export async function undoRegionClose(ctx: AppContext, actor: Actor, roundId: string) {
  const { round, authority } = await loadRoundForAuthority(ctx, actor, roundId);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [closure] = await tx
      .select()
      .from(regionClosures)
      .where(and(eq(regionClosures.roundId, round.id), eq(regionClosures.regionCode, authority.regionCode), isNull(regionClosures.undoneAt)))
      .for('update');
    if (!closure) throw new AppError('STATUS_CONFLICT', '本地区尚未截止申报');
    const [recommended] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.roundId, round.id), eq(reviews.reviewerRegion, authority.regionCode), eq(reviews.recommended, true)))
      .limit(1);
    if (recommended) throw new AppError('CONFLICT', '本地区已有推荐的申报，不能撤销截止；请先取消全部推荐');
    await tx.update(regionClosures).set({ undoneAt: now, undoneBy: authority.id }).where(eq(regionClosures.id, closure.id));
    await recordAudit(tx, {
      actorId: authority.id,
      action: 'region.undo_close',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: authority.regionCode,
      detail: { roundId: round.id, closedAt: closure.closedAt.toISOString() },
      ip: authority.ip,
    });
  });
  return { round, authority };
}
