import type { Actor, AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { reviews } from '../../db/schema/index.js';
import { loadApplicationForAuthority, type AuthorityActor } from '../../db/queries/authorityScope.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { quotaFullMessage, quotaMax, quotaRuleFor, usedForRule } from './quota.js';
import {
  NOT_CLOSED_MESSAGE,
  assertRecommendingLevel,
  lockOwnClosure,
  recommendedOfKind,
  reviewsOf,
  visibleApplications,
  type RoundRow,
  type VisibleApplication,
} from './scope.js';

export interface RecommendResult {
  /** 1-based place among the reviewer's recommended of the same category and sub-type. */
  rank: number;
  /** Places used of the quota (or recommended of the kind when the round sets no quota). */
  used: number;
  /** null: no quota for this kind. */
  max: number | null;
}

export const RETURNED_MESSAGE = '该申报已退回（形式审查未通过），不能推荐';

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
    return recommendInTx(tx, authority, round, app, ctx.now());
  });
}

/** The recommendation itself; the caller holds the closure lock (single click and bulk commit alike). */
export async function recommendInTx(tx: Tx, actor: AuthorityActor, round: RoundRow, app: VisibleApplication, now: Date): Promise<RecommendResult> {
  const review = (await reviewsOf(tx, actor.regionCode, [app.id])).get(app.id);
  if (review?.checkStatus === 'returned') throw new AppError('CONFLICT', RETURNED_MESSAGE);
  const rule = quotaRuleFor(round.config, app.category, app.subType);
  const max = rule ? quotaMax(round.config, rule, actor.regionCode) : null;
  const ofKind = await recommendedOfKind(tx, round.id, actor.regionCode, app.category, app.subType);
  if (review?.recommended) {
    // A repeated click answers with the place already held.
    return { rank: review.rank ?? ofKind.length, used: rule ? await usedForRule(tx, round.id, actor.regionCode, rule) : ofKind.length, max };
  }
  const used = rule ? await usedForRule(tx, round.id, actor.regionCode, rule) : ofKind.length;
  if (rule && max !== null && used >= max) {
    throw new AppError('CONFLICT', quotaFullMessage(rule, max), undefined, { quota: { max, used } });
  }
  const rank = Math.max(0, ...ofKind.map((r) => r.rank ?? 0)) + 1;
  const set = { recommended: true, rank, level: actor.level, recommendedBy: actor.id, recommendedAt: now, updatedAt: now };
  await tx
    .insert(reviews)
    .values({ roundId: round.id, applicationId: app.id, reviewerRegion: actor.regionCode, ...set })
    .onConflictDoUpdate({ target: [reviews.applicationId, reviews.reviewerRegion], set });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'review.recommend',
    subjectType: 'application',
    subjectId: app.id,
    regionCode: app.regionCode,
    detail: { roundId: round.id, reviewerRegion: actor.regionCode, rank, organisationName: app.organisationName, quota: max === null ? null : { max, used: used + 1 } },
    ip: actor.ip,
  });
  return { rank, used: used + 1, max };
}
