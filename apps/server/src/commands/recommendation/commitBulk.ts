import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { reviews } from '../../db/schema/index.js';
import { asAuthority, type AuthorityActor } from '../../db/queries/authorityScope.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { upsertReview } from '../review/reviewRow.js';
import { checkBulk } from './bulkCheck.js';
import { takeBulkToken } from './bulkTokens.js';
import { recommendWithinQuota } from './recommendWithinQuota.js';
import { unrecommendInTx } from './unrecommendApplication.js';
import { lockOwnClosure, loadRound, type RoundRow, type VisibleApplication } from './scope.js';

export interface BulkResult {
  done: number;
  /** Selected ones the preview had left out for a problem. */
  failed: number;
}

/**
 * Carries out a previewed bulk action: what the preview found doable is checked again inside one
 * transaction and done all together, or nothing is done (409 with the problems found now).
 */
export async function commitBulk(ctx: AppContext, actor: Actor, roundId: string, token: string): Promise<BulkResult> {
  const authority = asAuthority(actor);
  const round = await loadRound(ctx, authority, roundId);
  const now = ctx.now();
  const plan = takeBulkToken(ctx, authority.id, token, now);
  if (!plan || plan.roundId !== round.id) throw new AppError('CONFLICT', '确认已失效（已使用或超过10分钟），请重新预览');
  return ctx.db.transaction(async (tx) => {
    const closed = plan.action === 'check-pass' ? true : Boolean(await lockOwnClosure(tx, round.id, authority.regionCode));
    const check = await checkBulk(tx, authority, round, plan.action, plan.ids, closed);
    const problems = check.items.filter((i) => i.problem);
    if (problems.length || check.quotaProblems.length) {
      const first = check.quotaProblems[0] ?? `${problems[0]!.organisationName || problems[0]!.id}：${problems[0]!.problem}`;
      throw new AppError('CONFLICT', `批量操作未执行：${first}`, undefined, { items: problems, quotaProblems: check.quotaProblems });
    }
    for (const app of check.toChange) {
      if (plan.action === 'recommend') await recommendWithinQuota(tx, authority, round, app, now);
      else if (plan.action === 'unrecommend') await unrecommendInTx(tx, authority, round, app, now);
      else await passCheckInTx(tx, authority, round, app, now);
    }
    return { done: check.toChange.length, failed: plan.leftOut };
  });
}

/** 形式审查通过 for one application (bulk only; single checks are the review routes' job). */
async function passCheckInTx(tx: Tx, actor: AuthorityActor, round: RoundRow, app: VisibleApplication, now: Date): Promise<void> {
  const set = { checkStatus: 'passed', checkReason: null, checkedBy: actor.id, checkedAt: now, level: actor.level, updatedAt: now };
  const [before] = await tx
    .select({ checkStatus: reviews.checkStatus })
    .from(reviews)
    .where(and(eq(reviews.applicationId, app.id), eq(reviews.reviewerRegion, actor.regionCode)));
  await upsertReview(tx, actor, round.id, app.id, set);
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'review.check',
    subjectType: 'application',
    subjectId: app.id,
    regionCode: app.regionCode,
    detail: { roundId: round.id, reviewerRegion: actor.regionCode, result: 'passed', previous: before?.checkStatus ?? 'pending', bulk: true, organisationName: app.organisationName },
    ip: actor.ip,
  });
}
