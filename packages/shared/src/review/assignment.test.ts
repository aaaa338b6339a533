import { describe, expect, it } from 'vitest';
import { assign, manualOverrideSchema, suggestedMaxPerExpert, type ApplicationToAssign, type AssignInput, type ExpertToAssign } from './assignment.js';
import { conflictMap, type ExpertForConflicts } from './conflicts.js';
import { seededRandom, seededShuffle } from './random.js';

const CATEGORIES = ['enterprise', 'platform', 'project', 'city'];
const REGIONS = ['440305', '440106', '310104', '320505', '210202'];

function makeApplications(n: number, seed = 'apps'): ApplicationToAssign[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `a${String(i).padStart(4, '0')}`,
    category: CATEGORIES[i % CATEGORIES.length]!,
    regionCode: REGIONS[Math.floor(random() * REGIONS.length)]!,
  }));
}
const makeExperts = (n: number): ExpertToAssign[] => Array.from({ length: n }, (_, i) => ({ id: `e${String(i).padStart(3, '0')}` }));

function byApplication(result: ReturnType<typeof assign>) {
  const map = new Map<string, string[]>();
  for (const a of result.assignments) map.set(a.applicationId, [...(map.get(a.applicationId) ?? []), a.expertId]);
  return map;
}
const spreadOf = (loads: Record<string, number>) => Math.max(...Object.values(loads)) - Math.min(...Object.values(loads));

describe('assign', () => {
  const applications = makeApplications(400);
  const experts = makeExperts(40);
  const base: AssignInput = { applications, experts, perApplication: 3, maxPerExpert: 40, seed: 'round-1' };

  it('gives every application the number of distinct experts asked for, with loads within 1 of each other', () => {
    const result = assign(base);
    expect(result.unassignable).toEqual([]);
    const perApp = byApplication(result);
    expect(perApp.size).toBe(400);
    for (const list of perApp.values()) {
      expect(list).toHaveLength(3);
      expect(new Set(list).size).toBe(3);
    }
    expect(Object.keys(result.loads)).toHaveLength(40);
    expect(spreadOf(result.loads)).toBeLessThanOrEqual(1);
    expect(Object.values(result.loads).reduce((s, n) => s + n, 0)).toBe(1200);
  });

  it('is deterministic for a seed, whatever the order of the input, and changes with the seed', () => {
    const a = assign(base);
    const b = assign({ ...base, applications: seededShuffle(applications, 'x'), experts: [...experts].reverse() });
    expect(b).toEqual(a);
    expect(assign({ ...base, seed: 'round-2' }).assignments).not.toEqual(a.assignments);
  });

  it('spreads every expert over categories and regions in about their overall proportions', () => {
    const result = assign(base);
    const app = new Map(applications.map((a) => [a.id, a]));
    const counts = new Map<string, Map<string, number>>();
    for (const { expertId, applicationId } of result.assignments) {
      const m = counts.get(expertId) ?? new Map<string, number>();
      const { category, regionCode } = app.get(applicationId)!;
      m.set(category, (m.get(category) ?? 0) + 1);
      m.set(regionCode, (m.get(regionCode) ?? 0) + 1);
      counts.set(expertId, m);
    }
    const regionShare = new Map(REGIONS.map((r) => [r, applications.filter((a) => a.regionCode === r).length / applications.length]));
    let worst = 0;
    // Each expert reviews 30: a quarter of each category is 7.5; every expert has 6 to 9 of each.
    for (const m of counts.values()) {
      for (const c of CATEGORIES) expect([6, 7, 8, 9]).toContain(m.get(c));
      // Each region near its proportional number (30 × its share of all applications).
      for (const r of REGIONS) worst = Math.max(worst, Math.abs((m.get(r) ?? 0) - 30 * regionShare.get(r)!));
    }
    // A random deal would leave some expert about 6 off; the spread keeps every one within 3.5.
    expect(worst).toBeLessThanOrEqual(3.5);
  });

  it('never assigns a conflicting pair and still balances the loads', () => {
    const random = seededRandom('coi');
    const withRegions: ExpertForConflicts[] = experts.map((e) => ({ id: e.id, regionCode: REGIONS[Math.floor(random() * REGIONS.length)]! }));
    const conflicts = conflictMap(withRegions, applications, { sameRegionExcluded: 'province' });
    const result = assign({ ...base, conflicts });
    expect(result.unassignable).toEqual([]);
    for (const { applicationId, expertId } of result.assignments) expect(conflicts.get(applicationId)?.has(expertId) ?? false).toBe(false);
    expect(spreadOf(result.loads)).toBeLessThanOrEqual(1);
  });

  it('respects the round cap and each expert’s own cap, and explains what could not be assigned', () => {
    const few = makeApplications(10);
    const experts3: ExpertToAssign[] = [{ id: 'e1' }, { id: 'e2', maxLoad: 2 }, { id: 'e3' }];
    const result = assign({ applications: few, experts: experts3, perApplication: 2, maxPerExpert: 5, seed: 's' });
    expect(result.loads).toEqual({ e1: 5, e2: 2, e3: 5 });
    // Capacity 12 for 20 places: 12 placed, the rest listed with a reason.
    const short = result.unassignable.reduce((s, u) => s + (u.needed - u.assigned), 0);
    expect(short).toBe(8);
    const one = result.unassignable.find((u) => u.assigned === 0);
    expect(one?.reason).toBe('需要2位专家，仅分配到0位（共3位专家：3位已达评审上限）');
  });

  it('counts conflicts, exclusions and other categories in the reason', () => {
    const apps: ApplicationToAssign[] = [{ id: 'a1', category: 'city', regionCode: '440300' }];
    const experts4: ExpertForConflicts[] = [
      { id: 'e1', employerUscc: 'U1' },
      { id: 'e2' },
      { id: 'e3' },
      { id: 'e4' },
    ];
    const conflicts = conflictMap(experts4, [{ id: 'a1', uscc: 'U1' }]);
    const result = assign({
      applications: apps,
      experts: [{ id: 'e1' }, { id: 'e2', categories: ['enterprise'] }, { id: 'e3' }, { id: 'e4' }],
      perApplication: 3,
      maxPerExpert: 10,
      seed: 's',
      conflicts,
      manualOverrides: [{ action: 'exclude', applicationId: 'a1', expertId: 'e4', reason: '专家请假' }],
    });
    expect(result.assignments.map((a) => a.expertId)).toEqual(['e3']);
    expect(result.unassignable).toEqual([
      { applicationId: 'a1', needed: 3, assigned: 1, reason: '需要3位专家，仅分配到1位（共4位专家：1位存在利益冲突，1位被人工排除，1位不评审该类别）' },
    ]);
  });

  it('gives experts limited to some categories only applications of those categories', () => {
    const mixed = [...makeExperts(20), { id: 'city-1', categories: ['city'] }, { id: 'city-2', categories: ['city'] }];
    const result = assign({ ...base, experts: mixed, maxPerExpert: 100 });
    const app = new Map(applications.map((a) => [a.id, a]));
    const cityOnly = result.assignments.filter((a) => a.expertId.startsWith('city-'));
    expect(cityOnly.length).toBeGreaterThan(0);
    for (const a of cityOnly) expect(app.get(a.applicationId)!.category).toBe('city');
    expect(result.unassignable).toEqual([]);
  });

  it('fills a tight round completely by moving applications between experts where greedy choice got stuck', () => {
    // 12 experts × cap 5 = 60 places for 20 applications × 3: no room to spare, with conflicts.
    const apps = makeApplications(20, 'tight');
    const random = seededRandom('tight-coi');
    const coiExperts: ExpertForConflicts[] = makeExperts(12).map((e) => ({ id: e.id, regionCode: REGIONS[Math.floor(random() * REGIONS.length)]! }));
    const conflicts = conflictMap(coiExperts, apps, { sameRegionExcluded: 'city' });
    for (const seed of ['t1', 't2', 't3', 't4', 't5']) {
      const result = assign({ applications: apps, experts: makeExperts(12), perApplication: 3, maxPerExpert: 5, seed, conflicts });
      expect(result.unassignable).toEqual([]);
      expect(Object.values(result.loads)).toEqual(Array(12).fill(5));
      for (const { applicationId, expertId } of result.assignments) expect(conflicts.get(applicationId)?.has(expertId) ?? false).toBe(false);
    }
  });

  it('evens loads out as far as conflicts and categories allow: no application could move from a busier expert to one 2 below', () => {
    // Experts of one province (440000) may not review its applications; a third of the experts
    // review city applications only. Those cannot reach the average, the others absorb the rest.
    const apps = makeApplications(300, 'skewed');
    const random = seededRandom('skewed-experts');
    const skewed: ExpertForConflicts[] = Array.from({ length: 30 }, (_, i) => ({ id: `e${String(i).padStart(2, '0')}`, regionCode: i < 15 ? '440101' : REGIONS[Math.floor(random() * REGIONS.length)]! }));
    const conflicts = conflictMap(skewed, apps, { sameRegionExcluded: 'province' });
    const experts = skewed.map((e, i) => ({ id: e.id, categories: i < 10 ? ['city'] : null }));
    const result = assign({ applications: apps, experts, perApplication: 3, maxPerExpert: 100, seed: 's', conflicts });
    expect(result.unassignable).toEqual([]);
    const app = new Map(apps.map((a) => [a.id, a]));
    const holders = new Map<string, Set<string>>();
    for (const a of result.assignments) holders.set(a.applicationId, (holders.get(a.applicationId) ?? new Set()).add(a.expertId));
    const mayTake = (expertIndex: number, applicationId: string) =>
      !(conflicts.get(applicationId)?.has(experts[expertIndex]!.id) ?? false) && (expertIndex >= 10 || app.get(applicationId)!.category === 'city') && !holders.get(applicationId)!.has(experts[expertIndex]!.id);
    for (const a of result.assignments) {
      const fromLoad = result.loads[a.expertId]!;
      experts.forEach((to, i) => {
        if (result.loads[to.id]! <= fromLoad - 2) expect(mayTake(i, a.applicationId), `${a.applicationId}: ${a.expertId} → ${to.id}`).toBe(false);
      });
    }
    // The scenario is really uneven: the city-only experts stay below the busiest.
    expect(Math.min(...experts.slice(0, 10).map((e) => result.loads[e.id]!))).toBeLessThan(Math.max(...experts.slice(10).map((e) => result.loads[e.id]!)));
  });

  it('suggests the cap that spreads the work evenly', () => {
    expect(suggestedMaxPerExpert(5000, 500, 5)).toBe(50);
    expect(suggestedMaxPerExpert(10, 3, 2)).toBe(7);
    expect(suggestedMaxPerExpert(10, 0, 2)).toBe(0);
  });

  it('handles no experts and no applications', () => {
    expect(assign({ ...base, applications: [] })).toEqual({ assignments: [], unassignable: [], loads: Object.fromEntries(experts.map((e) => [e.id, 0])), overrideLog: [] });
    const none = assign({ ...base, experts: [], applications: applications.slice(0, 1) });
    expect(none.unassignable[0]!.reason).toBe('需要3位专家，仅分配到0位（共0位专家）');
  });

  it('refuses nonsensical settings', () => {
    expect(() => assign({ ...base, perApplication: 0 })).toThrow();
    expect(() => assign({ ...base, maxPerExpert: 1.5 })).toThrow();
  });
});

describe('manual overrides', () => {
  const applications = makeApplications(8);
  const experts = makeExperts(6);
  const conflicts = conflictMap(
    experts.map((e) => ({ id: e.id, employerUscc: e.id === 'e000' ? 'U-a0000' : null })),
    applications.map((a) => ({ id: a.id, uscc: `U-${a.id}` })),
  );
  const base: AssignInput = { applications, experts, perApplication: 2, maxPerExpert: 10, seed: 's', conflicts };

  it('forces a pair in despite a conflict, logs the overridden conflict, and fills the rest automatically', () => {
    const result = assign({ ...base, manualOverrides: [{ action: 'assign', applicationId: 'a0000', expertId: 'e000', reason: '该领域仅此一位专家', by: 'u1' }] });
    const forA0 = result.assignments.filter((a) => a.applicationId === 'a0000');
    expect(forA0).toHaveLength(2);
    expect(forA0.find((a) => a.expertId === 'e000')?.source).toBe('manual');
    expect(forA0.filter((a) => a.source === 'auto')).toHaveLength(1);
    expect(result.overrideLog).toEqual([
      {
        override: { action: 'assign', applicationId: 'a0000', expertId: 'e000', reason: '该领域仅此一位专家', by: 'u1' },
        applied: true,
        note: '已人工指定：该领域仅此一位专家；组织单位确认忽略利益冲突（专家所在单位即申报单位（统一社会信用代码 U-A0000））',
        conflicts: [{ kind: 'same_organisation', reason: '专家所在单位即申报单位（统一社会信用代码 U-A0000）' }],
      },
    ]);
  });

  it('keeps an excluded pair out, the later decision on a pair winning, and logs unknown ids as not applied', () => {
    const result = assign({
      ...base,
      manualOverrides: [
        { action: 'assign', applicationId: 'a0001', expertId: 'e001', reason: '指定' },
        { action: 'exclude', applicationId: 'a0001', expertId: 'e001', reason: '改为回避' },
        { action: 'exclude', applicationId: 'a0002', expertId: 'e002', reason: '回避' },
        { action: 'assign', applicationId: 'nope', expertId: 'e002', reason: 'x' },
        { action: 'assign', applicationId: 'a0002', expertId: 'nobody', reason: 'x' },
      ],
    });
    const pairs = new Set(result.assignments.map((a) => `${a.applicationId}/${a.expertId}`));
    expect(pairs.has('a0001/e001')).toBe(false);
    expect(pairs.has('a0002/e002')).toBe(false);
    expect(result.overrideLog.map((l) => [l.applied, l.note])).toEqual([
      [false, '已被之后的调整取代'],
      [true, '已人工排除：改为回避'],
      [true, '已人工排除：回避'],
      [false, '申报书不在本次分配范围内，调整未生效'],
      [false, '专家不在本次专家名单中，调整未生效'],
    ]);
  });

  it('notes a manual assignment beyond the expert’s cap', () => {
    const result = assign({
      ...base,
      maxPerExpert: 1,
      experts: makeExperts(20),
      manualOverrides: [
        { action: 'assign', applicationId: 'a0003', expertId: 'e005', reason: '一' },
        { action: 'assign', applicationId: 'a0004', expertId: 'e005', reason: '二' },
      ],
    });
    expect(result.loads.e005).toBe(2);
    expect(result.overrideLog[1]!.note).toBe('已人工指定：二；该专家已达评审上限，仍按人工指定分配');
  });

  it('requires a reason for every override', () => {
    expect(manualOverrideSchema.safeParse({ action: 'exclude', applicationId: 'a', expertId: 'e', reason: '  ' }).success).toBe(false);
    expect(manualOverrideSchema.safeParse({ action: 'exclude', applicationId: 'a', expertId: 'e', reason: '亲属关系' }).success).toBe(true);
  });
});
