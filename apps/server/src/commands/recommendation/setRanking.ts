import type { Actor, AppContext } from '../../context.js';
import { asAuthority } from '../../db/queries/authorityScope.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { lockOwnClosure, loadRound, recommendedOfKind, visibleApplications, writeRanks } from './scope.js';

export interface RankingInput {
  category: string;
  /** The sub-type whose ranking is set; null for categories without sub-types. */
  subType: string | null;
  /** Every recommended application of that kind, best first. */
  order: string[];
}

/** 排序: the new order must name exactly the reviewer's recommended applications of that kind. */
export async function setRanking(ctx: AppContext, actor: Actor, roundId: string, input: RankingInput): Promise<{ order: { applicationId: string; rank: number }[] }> {
  const authority = asAuthority(actor);
  const round = await loadRound(ctx, authority, roundId);
  if (new Set(input.order).size !== input.order.length) throw new AppError('VALIDATION', '排序中有重复的申报', { order: '排序中有重复的申报' });
  const visible = await visibleApplications(ctx.db, authority, round, input.order);
  if (visible.length !== input.order.length) throw notFound('申报书');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await lockOwnClosure(tx, round.id, authority.regionCode);
    const current = await recommendedOfKind(tx, round.id, authority.regionCode, input.category, input.subType);
    const currentIds = new Set(current.map((r) => r.applicationId));
    if (current.length !== input.order.length || input.order.some((id) => !currentIds.has(id))) {
      throw new AppError('CONFLICT', '排序须恰好包含本类别全部已推荐的申报，请刷新后重试', undefined, { recommended: current.map((r) => r.applicationId) });
    }
    await writeRanks(tx, authority.regionCode, input.order, now);
    await recordAudit(tx, {
      actorId: authority.id,
      action: 'review.rank',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: authority.regionCode,
      detail: { category: input.category, subType: input.subType, order: input.order, previous: current.map((r) => r.applicationId) },
      ip: authority.ip,
    });
    return { order: input.order.map((applicationId, i) => ({ applicationId, rank: i + 1 })) };
  });
}
