import type { Tx } from '../../db/client.js';
import type { AuthorityActor } from '../../db/queries/authorityScope.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { upsertReview } from '../review/reviewRow.js';
import { quotaFullMessage, quotaMax, quotaRuleFor, usedForRule } from './quota.js';
import { recommendedOfKind, reviewsOf, type RoundRow, type VisibleApplication } from './scope.js';

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
 * Recommends one application unless it was returned or its quota is full. The caller must hold the
 * region's closure row lock (lockOwnClosure) in `tx`: concurrent recommendations of one region queue
 * on it, so the places used are counted after every earlier one has committed (single click and bulk
 * commit alike).
 */
export async function recommendWithinQuota(tx: Tx, actor: AuthorityActor, round: RoundRow, app: VisibleApplication, now: Date): Promise<RecommendResult> {
  const review = (await reviewsOf(tx, actor.regionCode, [app.id])).get(app.id);
  if (review?.checkStatus === 'returned') throw new AppError('CONFLICT', RETURNED_MESSAGE);
  const rule = quotaRuleFor(round.config, app.category, app.subType, actor.level);
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
  await upsertReview(tx, actor, round.id, app.id, { recommended: true, rank, level: actor.level, recommendedBy: actor.id, recommendedAt: now, updatedAt: now });
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
