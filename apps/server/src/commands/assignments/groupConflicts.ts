import { CONFLICT_KINDS, type AssignmentPreview, type ConflictKind, type ConflictMap } from '@fw/shared';

type Grouped = Pick<AssignmentPreview, 'conflictCounts' | 'conflicts' | 'regionConflicts'>;

/**
 * The conflict flags of a run as the preview shows them: pairs flagged for anything but the region
 * one by one; same-region flags (every application × every expert of a region, often hundreds of
 * thousands under a province rule) as one group per region, which names each pair all the same.
 */
export function groupConflicts(conflicts: ConflictMap, isAssigned: (applicationId: string, expertId: string) => boolean): Grouped {
  const conflictCounts = Object.fromEntries(CONFLICT_KINDS.map((k) => [k, 0])) as Record<ConflictKind, number>;
  const pairs: Grouped['conflicts'] = [];
  const groups = new Map<string, { applicationIds: Set<string>; expertIds: Set<string>; assigned: { applicationId: string; expertId: string }[] }>();
  for (const [applicationId, perExpert] of conflicts) {
    for (const [expertId, list] of perExpert) {
      const assigned = isAssigned(applicationId, expertId);
      let individual = false;
      for (const c of list) {
        conflictCounts[c.kind]++;
        if (c.kind !== 'same_region') {
          individual = true;
          continue;
        }
        let group = groups.get(c.reason);
        if (!group) groups.set(c.reason, (group = { applicationIds: new Set(), expertIds: new Set(), assigned: [] }));
        group.applicationIds.add(applicationId);
        group.expertIds.add(expertId);
        if (assigned) group.assigned.push({ applicationId, expertId });
      }
      if (individual) pairs.push({ applicationId, expertId, conflicts: list, assigned });
    }
  }
  const regionConflicts = [...groups].map(([reason, g]) => ({ reason, applicationIds: [...g.applicationIds], expertIds: [...g.expertIds], assigned: g.assigned }));
  return { conflictCounts, conflicts: pairs, regionConflicts };
}
