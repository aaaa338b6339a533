import { reviewSettingsOf, SAME_REGION_RULE_LABELS } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import type { RoundRow } from '../../policies/organiser.js';
import { regionNames } from '../experts/regionNames.js';
import { loadAssignmentInput, type AssignmentInput } from './loadAssignmentInput.js';
import { planAssignments, type AssignmentPlan } from './planAssignments.js';

/**
 * The seed of a round's runs: its id, so the same pool and applications give the same assignment
 * whenever (and wherever) the run is repeated.
 */
export const seedOf = (round: Pick<RoundRow, 'id'>) => round.id;

export function settingsSummary(round: RoundRow) {
  const settings = reviewSettingsOf(round.config);
  return {
    perApplication: settings.perApplication,
    maxPerExpert: settings.maxPerExpert,
    sameRegionExcluded: settings.sameRegionExcluded,
    sameRegionLabel: SAME_REGION_RULE_LABELS[settings.sameRegionExcluded],
    seed: seedOf(round),
  };
}

/** Loads the round's input and computes its plan (the preview and the commit share this). */
export async function computePlan(db: DbOrTx, round: RoundRow): Promise<{ input: AssignmentInput; plan: AssignmentPlan; names: Map<string, string> }> {
  const input = await loadAssignmentInput(db, round);
  const names = await regionNames(db, [...input.applications.map((a) => a.regionCode), ...input.experts.map((e) => e.regionCode)]);
  const plan = planAssignments(input, { settings: reviewSettingsOf(round.config), seed: seedOf(round), regionName: (code) => names.get(code) });
  return { input, plan, names };
}
