import type { Actor, AppContext } from '../../context.js';
import { loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { AppError, notFound } from '../../errors.js';
import { recommendWithinQuota, type RecommendResult } from './recommendWithinQuota.js';
import { NOT_CLOSED_MESSAGE, assertRecommendingLevel, lockOwnClosure, visibleApplications } from './scope.js';

/**
 * 推荐 one application: visible to the authority, own region closed, not returned by this
 * reviewer, within quota. Concurrent clicks of one region queue on the closure row lock, so the
 * quota+1-th is refused even when two people click at the same moment.
 */
export async function recommendApplication(ctx: AppContext, actor: Actor, id: string): Promise<RecommendResult> {
  const { round, authority } = await loadApplicationForAuthority(ctx, actor, id);
  assertRecommendingLevel(authority, round.config);
  return ctx.db.transaction(async (tx) => {
    if (!(await lockOwnClosure(tx, round.id, authority.regionCode))) throw new AppError('CONFLICT', NOT_CLOSED_MESSAGE);
    const [app] = await visibleApplications(tx, authority, round, [id]);
    if (!app) throw notFound('申报书');
    return recommendWithinQuota(tx, authority, round, app, ctx.now());
  });
}
