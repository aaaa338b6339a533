import crypto from 'node:crypto';
import { assign, conflictMap, type AssignResult, type ConflictMap, type ManualOverride, type ResolvedReviewSettings } from '@fw/shared';
import { assignmentRowState, type AssignmentRowDb } from './assignmentRowState.js';
import type { AssignmentInput, PoolExpert } from './loadAssignmentInput.js';

export interface AssignmentPlan {
  conflicts: ConflictMap;
  /** Stored assignments that stay as they are. */
  kept: AssignmentRowDb[];
  /** Stored assignments the run withdraws, with the reason. */
  withdrawals: { row: AssignmentRowDb; reason: string }[];
  /** New pairs the run adds (source auto). */
  additions: { applicationId: string; expertId: string }[];
  /** The run over kept + new pairs: loads, unassignable applications with reasons. */
  result: AssignResult;
  /** The experts the run considered (active ones and those holding a kept assignment). */
  experts: PoolExpert[];
  /** sha256 of additions and withdrawals: the commit applies only the plan the organiser previewed. */
  digest: string;
}

const pairKey = (applicationId: string, expertId: string) => `${applicationId}\u0000${expertId}`;

/**
 * The assignment run, computed without writing (preview and commit compute the same plan).
 *
 * Re-running after the pool changed keeps what is under way and only fills the gaps:
 * - a started or scored assignment always stays (the expert has declared no conflict or scored);
 * - a manual assignment stays (the organiser decided it and can exclude it by hand);
 * - an automatic one not yet started stays unless its expert was deactivated or left the pool, now
 *   has a conflict of interest, or the application no longer reached the organiser: then it is withdrawn;
 * - a pair that was declined by the expert or withdrawn/excluded before is never assigned again
 *   automatically (only a manual assignment brings it back);
 * - then `assign` tops every application up to the round's number of experts, with the kept pairs
 *   counted in the loads, so the new work goes to the least loaded experts.
 */
export function planAssignments(input: AssignmentInput, opts: { settings: ResolvedReviewSettings; seed: string; regionName?: (code: string) => string | undefined }): AssignmentPlan {
  const { settings } = opts;
  const reached = new Set(input.applications.map((a) => a.id));
  const byExpert = new Map(input.experts.map((e) => [e.userId, e]));
  const active = input.experts.filter((e) => e.active);
  const conflictOptions = { sameRegionExcluded: settings.sameRegionExcluded, regionName: opts.regionName };
  const forConflicts = (list: PoolExpert[]) =>
    conflictMap(
      list.map((e) => ({ id: e.userId, employerUscc: e.employerUscc, employerName: e.employerName, employerLegalRepresentative: e.employerLegalRepresentative, regionCode: e.regionCode, declaredConflicts: e.declaredConflicts })),
      input.applications.map((a) => ({ id: a.id, uscc: a.uscc, name: a.name, legalRepresentative: a.legalRepresentative, regionCode: a.regionCode })),
      conflictOptions,
    );

  const kept: AssignmentRowDb[] = [];
  const withdrawals: AssignmentPlan['withdrawals'] = [];
  const excluded: ManualOverride[] = [];
  const holders = new Map<string, PoolExpert>(active.map((e) => [e.userId, e]));
  const activeConflicts = forConflicts(active);
  for (const row of input.rows) {
    const state = assignmentRowState(row);
    if (state === 'declined' || state === 'withdrawn') {
      excluded.push({ action: 'exclude', applicationId: row.applicationId, expertId: row.expertId, reason: state });
      continue;
    }
    const expert = byExpert.get(row.expertId);
    const flagged = activeConflicts.get(row.applicationId)?.get(row.expertId);
    let reason: string | null = null;
    if (state === 'started' || state === 'scored' || row.source === 'manual') reason = null;
    else if (!reached.has(row.applicationId)) reason = '申报书已不在专家评审范围内';
    else if (!expert) reason = '专家已不在本单位专家库';
    else if (!expert.active) reason = '专家已停用';
    else if (flagged?.length) reason = `出现利益冲突：${flagged.map((c) => c.reason).join('；')}`;
    if (reason) {
      withdrawals.push({ row, reason });
      continue;
    }
    kept.push(row);
    if (expert && !holders.has(expert.userId)) holders.set(expert.userId, expert);
  }

  const considered = [...holders.values()];
  const conflicts = considered.length === active.length ? activeConflicts : forConflicts(considered);
  const keptInRun = kept.filter((r) => reached.has(r.applicationId) && holders.has(r.expertId));
  const result = assign({
    applications: input.applications.map((a) => ({ id: a.id, category: a.category, subType: a.subType, regionCode: a.regionCode })),
    // An inactive expert still holding started reviews counts its load but takes nothing new.
    experts: considered.map((e) => ({ id: e.userId, categories: e.categories, maxLoad: e.active ? e.maxLoad : 0 })),
    perApplication: settings.perApplication,
    maxPerExpert: settings.maxPerExpert,
    seed: opts.seed,
    conflicts,
    manualOverrides: [...excluded, ...keptInRun.map((r): ManualOverride => ({ action: 'assign', applicationId: r.applicationId, expertId: r.expertId, reason: 'kept' }))],
  });

  const keptKeys = new Set(keptInRun.map((r) => pairKey(r.applicationId, r.expertId)));
  const additions = result.assignments.filter((a) => !keptKeys.has(pairKey(a.applicationId, a.expertId))).map(({ applicationId, expertId }) => ({ applicationId, expertId }));
  const digest = crypto
    .createHash('sha256')
    .update(JSON.stringify({ add: additions.map((a) => pairKey(a.applicationId, a.expertId)), withdraw: withdrawals.map((w) => w.row.id).sort() }))
    .digest('hex');
  return { conflicts, kept, withdrawals, additions, result, experts: considered, digest };
}
