import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { reviews } from '../../db/schema/index.js';
import { loadApplicationForAuthority, type AuthorityActor } from '../../db/queries/authorityScope.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { assertRecommendingLevel, lockOwnClosure, recommendedAbove, recommendedOfKind, reviewsOf, visibleApplications, writeRanks, type RoundRow, type VisibleApplication } from './scope.js';

export const NOT_RECOMMENDED_MESSAGE = '该申报尚未推荐';
export const RECOMMENDED_ABOVE_MESSAGE = '上级已推荐该申报，不能撤销推荐';

/** Withdraws a recommendation; the ranks after it move up one place. */
export async function unrecommendApplication(ctx: AppContext, actor: Actor, id: string): Promise<{ ok: true }> {
  const { round, authority } = await loadApplicationForAuthority(ctx, actor, id);
  assertRecommendingLevel(authority, round.config);
  return ctx.db.transaction(async (tx) => {
    // Same lock as recommending: ranks and counts of the region change one at a time.
    await lockOwnClosure(tx, round.id, authority.regionCode);
    const [app] = await visibleApplications(tx, authority, round, [id]);
    if (!app) throw notFound('申报书');
    await unrecommendInTx(tx, authority, round, app, ctx.now());
    return { ok: true as const };
  });
}

export async function unrecommendInTx(tx: Tx, actor: AuthorityActor, round: RoundRow, app: VisibleApplication, now: Date): Promise<void> {
  const review = (await reviewsOf(tx, actor.regionCode, [app.id])).get(app.id);
  if (!review?.recommended) throw new AppError('CONFLICT', NOT_RECOMMENDED_MESSAGE);
  // The level above works on what was passed up; withdrawing it underneath would orphan that.
  if ((await recommendedAbove(tx, actor, round, [app.id])).size) throw new AppError('CONFLICT', RECOMMENDED_ABOVE_MESSAGE);
  await tx
    .update(reviews)
    .set({ recommended: false, rank: null, recommendedBy: null, recommendedAt: null, updatedAt: now })
    .where(and(eq(reviews.applicationId, app.id), eq(reviews.reviewerRegion, actor.regionCode)));
  const rest = await recommendedOfKind(tx, round.id, actor.regionCode, app.category, app.subType);
  await writeRanks(tx, actor.regionCode, rest.map((r) => r.applicationId), now);
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'review.unrecommend',
    subjectType: 'application',
    subjectId: app.id,
    regionCode: app.regionCode,
    detail: { roundId: round.id, reviewerRegion: actor.regionCode, previousRank: review.rank, organisationName: app.organisationName },
    ip: actor.ip,
  });
}
