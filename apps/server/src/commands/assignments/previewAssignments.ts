import type { AssignmentPreview } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { computePlan, settingsSummary } from './runContext.js';
import { applicationRef, capOf, expertRef } from './presentRefs.js';
import { groupConflicts } from './groupConflicts.js';

/**
 * What committing the run would do, computed and not written: loads per expert, applications left
 * short with the reason, and every conflict flag with its reason.
 */
export async function previewAssignments(ctx: AppContext, actor: Actor, roundId: string): Promise<AssignmentPreview> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const { input, plan, names } = await computePlan(ctx.db, round);
  const settings = settingsSummary(round);
  const assigned = new Set(plan.result.assignments.map((a) => `${a.applicationId}\u0000${a.expertId}`));
  const added = new Map<string, number>();
  for (const a of plan.additions) added.set(a.expertId, (added.get(a.expertId) ?? 0) + 1);

  const loads = plan.experts.map((e) => ({ expertId: e.userId, load: plan.result.loads[e.userId] ?? 0, added: added.get(e.userId) ?? 0, cap: capOf(e, settings.maxPerExpert) }));
  const activeLoads = loads.filter((l) => l.cap > 0).map((l) => l.load);
  const grouped = groupConflicts(plan.conflicts, (applicationId, expertId) => assigned.has(`${applicationId}\u0000${expertId}`));
  const flagged = [...plan.conflicts.values()].reduce((n, perExpert) => n + perExpert.size, 0);
  const shown = new Set([...plan.experts.map((e) => e.userId), ...plan.withdrawals.map((w) => w.row.expertId)]);
  return {
    settings,
    counts: {
      applications: input.applications.length,
      experts: input.experts.filter((e) => e.active).length,
      kept: plan.kept.length,
      toAdd: plan.additions.length,
      toWithdraw: plan.withdrawals.length,
      unassignable: plan.result.unassignable.length,
      conflicts: flagged,
    },
    loads,
    loadMin: activeLoads.length ? Math.min(...activeLoads) : 0,
    loadMax: activeLoads.length ? Math.max(...activeLoads) : 0,
    unassignable: plan.result.unassignable,
    ...grouped,
    withdrawals: plan.withdrawals.map((w) => ({ applicationId: w.row.applicationId, expertId: w.row.expertId, reason: w.reason })),
    applications: input.applications.map((a) => applicationRef(a, names)),
    experts: input.experts.filter((e) => shown.has(e.userId)).map(expertRef),
    planDigest: plan.digest,
  };
}
