import { and, eq } from 'drizzle-orm';
import { ROUND_STATUS_LABELS, type RoundStatus } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { rounds } from '../../db/schema/index.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { roundNextStep } from './nextStep.js';

/**
 * Moves a round one step on (草稿 → 填报中 → 填报结束 → 评审中; 已发布 comes from the notice page).
 * Only its organiser; the step's checks (nextStep.ts) must pass; a stale status changes nothing (409).
 */
export async function changeRoundStatus(ctx: AppContext, actor: Actor, roundId: string, to: RoundStatus) {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const now = ctx.now();
  const step = roundNextStep(round, now);
  const from = round.status;
  if (!step || step.status !== to) {
    const label = ROUND_STATUS_LABELS[from as RoundStatus] ?? from;
    throw new AppError('STATUS_CONFLICT', `本批次当前为“${label}”，不能改为“${ROUND_STATUS_LABELS[to]}”`);
  }
  if (step.blocker) throw new AppError('STATUS_CONFLICT', step.blocker);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(rounds)
      .set({ status: to })
      .where(and(eq(rounds.id, round.id), eq(rounds.status, from)))
      .returning();
    if (!updated) throw new AppError('STATUS_CONFLICT', '批次状态已被他人更改，请刷新后重试');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'round.status',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: round.organiserRegion,
      detail: { code: round.code, from, to },
      ip: actor.ip,
    });
    return updated;
  });
}
