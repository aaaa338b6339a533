import { conflictMap, reviewSettingsOf, type AssignmentListResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { regionNames } from '../experts/regionNames.js';
import { assignmentRowState, HOLDING_STATES } from './assignmentRowState.js';
import { loadAssignmentInput } from './loadAssignmentInput.js';
import { applicationRef, capOf, expertRef } from './presentRefs.js';
import { settingsSummary } from './runContext.js';

/**
 * The round's stored assignments with their state (assigned / started / scored / declined /
 * withdrawn) and the conflicts flagged for each pair; the page groups them per application and per expert.
 */
export async function listAssignments(ctx: AppContext, actor: Actor, roundId: string): Promise<AssignmentListResponse> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const input = await loadAssignmentInput(ctx.db, round);
  const settings = settingsSummary(round);
  const names = await regionNames(ctx.db, [...input.applications.map((a) => a.regionCode), ...input.experts.map((e) => e.regionCode)]);
  const inRows = new Set(input.rows.map((r) => r.expertId));
  const shownExperts = input.experts.filter((e) => e.active || inRows.has(e.userId));
  const conflicts = conflictMap(
    shownExperts.map((e) => ({ id: e.userId, employerUscc: e.employerUscc, employerName: e.employerName, employerLegalRepresentative: e.employerLegalRepresentative, regionCode: e.regionCode, declaredConflicts: e.declaredConflicts })),
    input.applications.map((a) => ({ id: a.id, uscc: a.uscc, name: a.name, legalRepresentative: a.legalRepresentative, regionCode: a.regionCode })),
    { sameRegionExcluded: reviewSettingsOf(round.config).sameRegionExcluded, regionName: (c) => names.get(c) },
  );
  const activePerApp = new Map<string, number>();
  const loadPerExpert = new Map<string, number>();
  const assignments = input.rows.map((row) => {
    const state = assignmentRowState(row);
    if (HOLDING_STATES.includes(state)) {
      activePerApp.set(row.applicationId, (activePerApp.get(row.applicationId) ?? 0) + 1);
      loadPerExpert.set(row.expertId, (loadPerExpert.get(row.expertId) ?? 0) + 1);
    }
    return {
      id: row.id,
      applicationId: row.applicationId,
      expertId: row.expertId,
      state,
      source: row.source === 'manual' ? ('manual' as const) : ('auto' as const),
      conflictReason: row.conflictReason,
      conflicts: conflicts.get(row.applicationId)?.get(row.expertId) ?? [],
    };
  });
  return {
    settings,
    applications: input.applications.map((a) => ({ ...applicationRef(a, names), active: activePerApp.get(a.id) ?? 0, needed: settings.perApplication })),
    experts: shownExperts.map((e) => ({ ...expertRef(e), load: loadPerExpert.get(e.userId) ?? 0, cap: capOf(e, settings.maxPerExpert) })),
    assignments,
  };
}
