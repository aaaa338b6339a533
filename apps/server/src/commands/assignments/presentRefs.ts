import type { AssignmentApplicationRef, AssignmentExpertRef } from '@fw/shared';
import type { PoolExpert, ReachedApplication } from './loadAssignmentInput.js';

export function applicationRef(a: ReachedApplication, names: Map<string, string>): AssignmentApplicationRef {
  return { id: a.id, number: a.number, applicantName: a.name, category: a.category, subType: a.subType, regionCode: a.regionCode, regionName: names.get(a.regionCode) ?? null };
}

export function expertRef(e: PoolExpert): AssignmentExpertRef {
  return { id: e.userId, name: e.name, employerName: e.employerName, regionCode: e.regionCode, active: e.active };
}

/** The round's cap for one expert: the round's, or the expert's own when lower; nothing new once inactive. */
export function capOf(e: Pick<PoolExpert, 'active' | 'maxLoad'>, maxPerExpert: number): number {
  if (!e.active) return 0;
  return Math.min(maxPerExpert, e.maxLoad ?? maxPerExpert);
}
