import { describe, expect, it } from 'vitest';
import type { AssignmentListResponse } from '@fw/shared';
import { byApplication, byExpert, sortForWork } from './model';

const app = (id: string, number: string, active: number) => ({ id, number, applicantName: id, category: 'enterprise', subType: null, regionCode: '440305', regionName: null, active, needed: 2 });
const expert = (id: string) => ({ id, name: id, employerName: 'u', regionCode: '110108', active: true, load: 0, cap: 5 });
const row = (id: string, applicationId: string, expertId: string, state: 'assigned' | 'scored' | 'withdrawn') => ({ id, applicationId, expertId, state, source: 'auto' as const, conflictReason: null, conflicts: [] });

const list: AssignmentListResponse = {
  settings: { perApplication: 2, maxPerExpert: 5, sameRegionExcluded: 'none', sameRegionLabel: '不按地区回避', seed: 's' },
  applications: [app('a1', 'N3-001', 2), app('a2', 'N3-002', 1)],
  experts: [expert('e1'), expert('e2')],
  assignments: [row('r1', 'a1', 'e1', 'assigned'), row('r2', 'a1', 'e2', 'scored'), row('r3', 'a2', 'e1', 'assigned'), row('r4', 'a2', 'e2', 'withdrawn')],
};

describe('assignment list model', () => {
  it('groups per application with holding experts first and the shortfall', () => {
    const rows = byApplication(list);
    expect(rows[0]!.rows.map((r) => r.state)).toEqual(['scored', 'assigned']);
    expect(rows.map((r) => r.short)).toEqual([0, 1]);
    expect(sortForWork(rows).map((r) => r.id)).toEqual(['a2', 'a1']);
  });

  it('counts per expert by state', () => {
    const [e1, e2] = byExpert(list);
    expect(e1!.counts).toMatchObject({ assigned: 2, scored: 0 });
    expect(e2!.counts).toMatchObject({ scored: 1, withdrawn: 1 });
    expect(e2!.rows.map((r) => r.application?.number)).toEqual(['N3-001', 'N3-002']);
  });
});
