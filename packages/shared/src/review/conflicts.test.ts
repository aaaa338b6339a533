import { describe, expect, it } from 'vitest';
import { conflictMap, findConflicts, sameRegionKey, type ApplicationForConflicts, type ExpertForConflicts } from './conflicts.js';
import { seededRandom } from './random.js';

const applicant: ApplicationForConflicts = {
  id: 'app-1',
  uscc: '91440300MA5F00001X',
  name: '深圳智造装备股份有限公司',
  legalRepresentative: '王 伟',
  regionCode: '440305',
};

const expert = (over: Partial<ExpertForConflicts> = {}): ExpertForConflicts => ({
  id: 'e-1',
  employerUscc: '12100000400000000A',
  employerName: '某大学',
  employerLegalRepresentative: '李明',
  regionCode: '110108',
  ...over,
});

describe('findConflicts', () => {
  it('finds nothing for an unrelated expert', () => {
    expect(findConflicts(expert(), applicant, { sameRegionExcluded: 'province' })).toEqual([]);
  });

  it('flags the same organisation by USCC, ignoring case and spaces', () => {
    const found = findConflicts(expert({ employerUscc: ' 91440300ma5f00001x', employerName: '深圳智造装备股份有限公司' }), applicant);
    expect(found).toEqual([{ kind: 'same_organisation', reason: '专家所在单位（深圳智造装备股份有限公司）即申报单位（统一社会信用代码 91440300MA5F00001X）' }]);
  });

  it('falls back to the organisation name when a USCC is missing (brackets of either width)', () => {
    const found = findConflicts(expert({ employerUscc: null, employerName: '深圳智造装备股份有限公司' }), { ...applicant, name: ' 深圳智造装备股份有限公司 ' });
    expect(found).toEqual([{ kind: 'same_organisation', reason: '专家所在单位名称与申报单位相同（深圳智造装备股份有限公司）' }]);
    const brackets = findConflicts(expert({ employerUscc: null, employerName: '华为技术(深圳)有限公司' }), { ...applicant, name: '华为技术（深圳）有限公司' });
    expect(brackets.map((c) => c.kind)).toEqual(['same_organisation']);
    // Both codes known and different: same name is not enough (e.g. a renamed or a namesake company).
    expect(findConflicts(expert({ employerName: '深圳智造装备股份有限公司' }), applicant)).toEqual([]);
  });

  it('flags an employer sharing the applicant’s legal representative (whitespace ignored)', () => {
    const found = findConflicts(expert({ employerLegalRepresentative: '王伟', employerName: '深圳智造投资有限公司' }), applicant);
    expect(found).toEqual([{ kind: 'shared_legal_representative', reason: '专家所在单位（深圳智造投资有限公司）与申报单位的法定代表人相同（王伟）' }]);
  });

  it('flags a shared legal representative also when neither side has a USCC', () => {
    const found = findConflicts(expert({ employerUscc: null, employerLegalRepresentative: '王伟' }), { ...applicant, uscc: null });
    expect(found.map((c) => c.kind)).toEqual(['shared_legal_representative']);
  });

  it('does not double-flag the legal representative when the organisation is the same', () => {
    const found = findConflicts(expert({ employerUscc: applicant.uscc, employerLegalRepresentative: '王伟' }), applicant);
    expect(found.map((c) => c.kind)).toEqual(['same_organisation']);
  });

  it('never matches empty values', () => {
    const bare: ApplicationForConflicts = { id: 'x', uscc: '', legalRepresentative: ' ', regionCode: null };
    expect(findConflicts(expert({ employerUscc: '', employerLegalRepresentative: '' }), bare, { sameRegionExcluded: 'district' })).toEqual([]);
  });

  it.each([
    ['none', '440305', false],
    ['province', '440106', true], // 广州天河 and 深圳南山: same province
    ['province', '310104', false],
    ['city', '440303', true], // 深圳罗湖
    ['city', '440106', false],
    ['district', '440305', true],
    ['district', '440303', false],
  ] as const)('region rule %s: expert in %s conflicts = %s', (rule, expertRegion, conflicts) => {
    const found = findConflicts(expert({ regionCode: expertRegion }), applicant, { sameRegionExcluded: rule });
    expect(found.some((c) => c.kind === 'same_region')).toBe(conflicts);
  });

  it('names the shared region in the reason when names are known', () => {
    const names: Record<string, string> = { '440000': '广东省', '440300': '深圳市' };
    const [c] = findConflicts(expert({ regionCode: '440303' }), applicant, { sameRegionExcluded: 'city', regionName: (code) => names[code] });
    expect(c).toEqual({ kind: 'same_region', reason: '专家与申报主体同属深圳市（440300），本批次规定同地市回避' });
    const [p] = findConflicts(expert({ regionCode: '440106' }), applicant, { sameRegionExcluded: 'province' });
    expect(p!.reason).toBe('专家与申报主体同属440000，本批次规定同省级回避');
  });

  it('flags declared conflicts by organisation or by application, with the note', () => {
    const byOrg = findConflicts(expert({ declaredConflicts: [{ uscc: applicant.uscc, note: '曾任该公司顾问' }] }), applicant);
    expect(byOrg).toEqual([{ kind: 'declared', reason: '专家本人申报与申报单位（统一社会信用代码 91440300MA5F00001X）存在利益冲突：曾任该公司顾问' }]);
    const byApp = findConflicts(expert({ declaredConflicts: [{ applicationId: 'app-1' }, { applicationId: 'app-2' }] }), applicant);
    expect(byApp).toEqual([{ kind: 'declared', reason: '专家本人申报与本申报书存在利益冲突' }]);
  });

  it('lists several conflicts in a fixed order of kinds', () => {
    const found = findConflicts(
      expert({ employerUscc: applicant.uscc, regionCode: '440305', declaredConflicts: [{ applicationId: 'app-1' }] }),
      applicant,
      { sameRegionExcluded: 'city' },
    );
    expect(found.map((c) => c.kind)).toEqual(['same_organisation', 'same_region', 'declared']);
  });
});

describe('sameRegionKey', () => {
  it('maps a code to the region of the rule’s level and ignores the country and bad codes', () => {
    expect(sameRegionKey('440305', 'province')).toBe('440000');
    expect(sameRegionKey('440305', 'city')).toBe('440300');
    expect(sameRegionKey('440000', 'city')).toBe('440000');
    expect(sameRegionKey('000000', 'province')).toBeNull();
    expect(sameRegionKey('44', 'province')).toBeNull();
    expect(sameRegionKey('440305', 'none')).toBeNull();
  });
});

describe('conflictMap', () => {
  it('finds exactly the pairs that checking every pair finds', () => {
    const random = seededRandom('conflict-map');
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const usccs = Array.from({ length: 40 }, (_, i) => `U${String(i).padStart(17, '0')}`);
    const names = ['甲公司', '乙公司', '丙（上海）有限公司', '丁研究院'];
    const reps = ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨磊'];
    const regions = ['440305', '440106', '310104', '310115', '210202', '210211', '110108'];
    const applications: ApplicationForConflicts[] = Array.from({ length: 120 }, (_, i) => ({
      id: `a${i}`,
      name: pick(names),
      uscc: random() < 0.8 ? pick(usccs) : null,
      legalRepresentative: pick(reps),
      regionCode: pick(regions),
    }));
    const experts: ExpertForConflicts[] = Array.from({ length: 60 }, (_, i) => ({
      id: `e${i}`,
      employerUscc: random() < 0.8 ? pick(usccs) : null,
      employerName: random() < 0.5 ? pick(names) : null,
      employerLegalRepresentative: random() < 0.5 ? pick(reps) : null,
      regionCode: pick(regions),
      declaredConflicts: random() < 0.3 ? [{ uscc: pick(usccs) }, { applicationId: `a${Math.floor(random() * 120)}` }] : [],
    }));
    for (const rule of ['none', 'province', 'city', 'district'] as const) {
      const fast = conflictMap(experts, applications, { sameRegionExcluded: rule });
      const slow: Record<string, Record<string, unknown>> = {};
      let pairs = 0;
      for (const a of applications) {
        for (const e of experts) {
          const found = findConflicts(e, a, { sameRegionExcluded: rule });
          if (!found.length) continue;
          (slow[a.id] ??= {})[e.id] = found;
          pairs++;
        }
      }
      const asObject = Object.fromEntries([...fast].map(([appId, m]) => [appId, Object.fromEntries(m)]));
      expect(asObject).toEqual(slow);
      expect(pairs).toBeGreaterThan(0);
    }
  });
});
