import { and, eq, sql } from 'drizzle-orm';
import { reviewSettingsOf, type AssignmentOverrideBody, type AssignmentOverrideResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { reviewAssignments } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { recordAudit } from '../../services/audit.js';
import { assignmentRowState } from './assignmentRowState.js';
import { loadPair } from './loadPair.js';
import { lockRound } from './lockRound.js';
import { capOf } from './presentRefs.js';

async function loadOf(tx: DbOrTx, roundId: string, expertId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.roundId, roundId), eq(reviewAssignments.expertId, expertId), eq(reviewAssignments.status, 'assigned')));
  return r?.n ?? 0;
}

/**
 * The organiser's manual decision on one pair, with a reason, in the audit log:
 * - assign: the expert reviews the application even when a conflict is flagged (the conflicts
 *   overridden are returned and logged) or the cap is reached; an expert who declined is not forced;
 * - exclude: the assignment is withdrawn unless the score sheet is already submitted; a pair never
 *   assigned is recorded as withdrawn so that later runs do not assign it automatically.
 */
export async function overrideAssignment(ctx: AppContext, actor: Actor, roundId: string, body: AssignmentOverrideBody): Promise<AssignmentOverrideResponse> {
  await loadRoundForOrganiser(ctx, actor, roundId);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId);
    const { app, expert, row, conflicts } = await loadPair(tx, round, body.applicationId, body.expertId);
    const state = row ? assignmentRowState(row) : null;
    const audit = (action: string, detail: Record<string, unknown>) =>
      recordAudit(tx, {
        actorId: actor.id,
        action,
        subjectType: 'application',
        subjectId: app.id,
        regionCode: app.regionCode,
        detail: { roundId: round.id, applicationNumber: app.number, expertId: expert.userId, expertName: expert.name, reason: body.reason, ...detail },
        ip: actor.ip,
      });

    if (body.action === 'assign') {
      if (!expert.active) throw new AppError('STATUS_CONFLICT', '该专家已停用，不能分配');
      if (state === 'declined') throw new AppError('STATUS_CONFLICT', '该专家已声明回避此申报书，不能指定');
      if (state && state !== 'withdrawn') throw new AppError('STATUS_CONFLICT', '该专家已分配此申报书');
      const overCap = (await loadOf(tx, round.id, expert.userId)) >= capOf(expert, reviewSettingsOf(round.config).maxPerExpert);
      const values = { status: 'assigned', source: 'manual', assignedBy: actor.id, assignedAt: now, updatedAt: now };
      if (row) await tx.update(reviewAssignments).set(values).where(eq(reviewAssignments.id, row.id));
      else await tx.insert(reviewAssignments).values({ roundId: round.id, applicationId: app.id, expertId: expert.userId, ...values });
      await audit('review.assignment.assign', { conflictsOverridden: conflicts, overCap });
      const notes = [`已人工指定：${body.reason}`];
      if (conflicts.length) notes.push(`已确认忽略利益冲突（${conflicts.map((c) => c.reason).join('；')}）`);
      if (overCap) notes.push('该专家已达评审上限，仍按人工指定分配');
      return { action: 'assign', conflictsOverridden: conflicts, note: notes.join('；') };
    }

    if (state === 'scored') throw new AppError('STATUS_CONFLICT', '该专家已提交评分，不能撤回');
    if (state === 'declined') throw new AppError('STATUS_CONFLICT', '该专家已声明回避此申报书');
    if (state === 'withdrawn') throw new AppError('STATUS_CONFLICT', '该专家已被排除');
    if (row) await tx.update(reviewAssignments).set({ status: 'withdrawn', source: 'manual', updatedAt: now }).where(eq(reviewAssignments.id, row.id));
    else await tx.insert(reviewAssignments).values({ roundId: round.id, applicationId: app.id, expertId: expert.userId, status: 'withdrawn', source: 'manual', assignedBy: actor.id, assignedAt: now, updatedAt: now });
    await audit('review.assignment.exclude', { wasAssigned: Boolean(row), started: state === 'started' });
    return { action: 'exclude', conflictsOverridden: [], note: row ? `已撤回该专家的评审任务：${body.reason}` : `已排除，今后自动分配不会再分给该专家：${body.reason}` };
  });
}
