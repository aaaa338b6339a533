import { describe, expect, it } from 'vitest';
import { aggregate, type ApplicationToRank, type ScoredReview } from './aggregate.js';

const review = (applicationId: string, expertId: string, total: number): ScoredReview => ({ applicationId, expertId, total });

describe('aggregate: three experts × three applications (every expert scores every application)', () => {
  const apps: ApplicationToRank[] = [
    { id: 'A', category: 'enterprise' },
    { id: 'B', category: 'enterprise' },
    { id: 'C', category: 'enterprise' },
  ];
  const reviews = [
    review('A', 'X', 80), review('B', 'X', 70), review('C', 'X', 60),
    review('A', 'Y', 90), review('B', 'Y', 85), review('C', 'Y', 95),
    review('A', 'Z', 70), review('B', 'Z', 50), review('C', 'Z', 60),
  ];
  const result = aggregate(apps, reviews);
  const of = (id: string) => result.applications.find((a) => a.applicationId === id)!;

  it('computes mean, spread and count per application', () => {
    // A: (80 + 90 + 70) / 3 = 80;  s = √((0² + 10² + 10²) / 2) = √100 = 10
    // B: (70 + 85 + 50) / 3 = 68.333…;  deviations 1.667, 16.667, −18.333 → Σ² = 616.667 → s = √308.333 = 17.559
    // C: (60 + 95 + 60) / 3 = 71.667;  deviations −11.667, 23.333, −11.667 → Σ² = 816.667 → s = √408.333 = 20.207
    expect(of('A')).toMatchObject({ count: 3, mean: 80, sd: 10, min: 70, max: 90 });
    expect(of('B').mean).toBeCloseTo(68.3333, 4);
    expect(of('B').sd).toBeCloseTo(17.5594, 4);
    expect(of('C').mean).toBeCloseTo(71.6667, 4);
    expect(of('C').sd).toBeCloseTo(20.2073, 4);
  });

  it('does not trim with fewer than 5 reviews, and says so', () => {
    expect(of('B')).toMatchObject({ trimmed: false, trimNote: '评审数少于5份，未去掉最高分和最低分（同平均分）' });
    expect(of('B').trimmedMean).toBe(of('B').mean);
  });

  it('standardises per expert and maps back to the score scale', () => {
    // Experts (population sd):  X: μ 70, σ = √((10² + 0 + 10²)/3) = 8.16497
    //                           Y: μ 90, σ = √((0 + 5² + 5²)/3) = 4.08248
    //                           Z: μ 60, σ = √((10² + 10² + 0)/3) = 8.16497
    // M = 660 / 9 = 73.3333;  S = (8.16497 + 4.08248 + 8.16497) / 3 = 6.80414
    // z is ±1.224745 or 0 everywhere, and S × 1.224745 = 8.3333, so x′ ∈ {81.6667, 73.3333, 65}:
    //   A: X +z → 81.667, Y 0 → 73.333, Z +z → 81.667   → 78.8889
    //   B: X 0 → 73.333,  Y −z → 65,    Z −z → 65       → 67.7778
    //   C: X −z → 65,     Y +z → 81.667, Z 0 → 73.333   → 73.3333
    expect(result.scale.mean).toBeCloseTo(73.3333, 4);
    expect(result.scale.sd).toBeCloseTo(6.80414, 4);
    expect(result.experts.map((e) => [e.expertId, e.mean, +e.sd.toFixed(5), e.standardised])).toEqual([
      ['X', 70, 8.16497, true],
      ['Y', 90, 4.08248, true],
      ['Z', 60, 8.16497, true],
    ]);
    const a = of('A').scores;
    expect(a.map((s) => s.expertId)).toEqual(['X', 'Y', 'Z']);
    expect(a[0]!.z).toBeCloseTo(1.224745, 5);
    expect(a[1]!.z).toBe(0);
    expect(a[0]!.normalised).toBeCloseTo(81.6667, 4);
    expect(of('A').normalised).toBeCloseTo(78.8889, 4);
    expect(of('B').normalised).toBeCloseTo(67.7778, 4);
    expect(of('C').normalised).toBeCloseTo(73.3333, 4);
  });

  it('ranks: A, C, B whichever score is used', () => {
    for (const rankBy of ['trimmedMean', 'mean', 'normalised'] as const) {
      const [group] = aggregate(apps, reviews, { rankBy }).rankings;
      expect(group!.entries.map((e) => [e.rank, e.applicationId])).toEqual([[1, 'A'], [2, 'C'], [3, 'B']]);
    }
  });

  it('flags no outliers below 4 reviews', () => {
    expect(result.applications.flatMap((a) => a.outliers)).toEqual([]);
  });
});

describe('aggregate: five reviews of one application', () => {
  const apps: ApplicationToRank[] = [{ id: 'P', category: 'platform', subType: 'other' }];
  const reviews = [review('P', 'e1', 80), review('P', 'e2', 82), review('P', 'e3', 78), review('P', 'e4', 81), review('P', 'e5', 50)];
  const [p] = aggregate(apps, reviews).applications;

  it('drops the highest and the lowest score for the trimmed mean', () => {
    // mean = 371 / 5 = 74.2;  trimmed: without 82 and 50 → (80 + 78 + 81) / 3 = 79.6667
    expect(p!.mean).toBeCloseTo(74.2, 10);
    expect(p!.trimmedMean).toBeCloseTo(79.6667, 4);
    expect(p).toMatchObject({ trimmed: true, trimNote: '去掉一个最高分和一个最低分', count: 5 });
  });

  it('flags the score far from the others and the high spread', () => {
    // All five: deviations from 74.2 are 5.8, 7.8, 3.8, 6.8, −24.2 → Σ² = 740.8 → s = √185.2 = 13.6088 > 10.
    // (The plain rule misses 50: |50 − 74.2| = 24.2 < 2 × 13.6088 = 27.2.)
    // Leave-one-out for 50: others 80, 82, 78, 81 → mean 80.25, Σ² = 8.75 → s = √2.9167 = 1.7078;
    //   threshold 2 × max(1.7078, 5) = 10; |50 − 80.25| = 30.25 > 10 → outlier.
    // For 82: others 80, 78, 81, 50 → mean 72.25, Σ² = 664.75 → s = 14.886; threshold 29.77 > 9.75 → not.
    expect(p!.sd).toBeCloseTo(13.6088, 4);
    expect(p!.highSpread).toBe(true);
    expect(p!.outliers).toEqual([{ expertId: 'e5', total: 50, reason: '该专家评分50分，其他4位专家平均80.3分，相差30.3分，超过阈值10分' }]);
    expect(p!.scores.filter((s) => s.outlier).map((s) => s.expertId)).toEqual(['e5']);
  });

  it('keeps raw scores of experts with fewer than 3 reviews in the normalised column', () => {
    expect(p!.scores.every((s) => s.z === null)).toBe(true);
    expect(p!.normalised).toBe(p!.mean);
  });

  it('follows configured rules', () => {
    const [strict] = aggregate(apps, reviews, { outlierMinSpread: 0, outlierK: 1, highSpreadSd: 20 }).applications;
    // k = 1, no floor: for 78, others 80, 82, 81, 50 → mean 73.25, s = √(722.75 / 3) = 15.52; |78 − 73.25| = 4.75 < 15.52 → not;
    // 50 stays flagged (30.25 > 1.7078); the spread 13.6 is below 20.
    expect(strict!.outliers.map((x) => x.expertId)).toEqual(['e5']);
    expect(strict!.highSpread).toBe(false);
    const [noTrim] = aggregate(apps, reviews, { trimMinReviews: 6 }).applications;
    expect(noTrim!.trimmedMean).toBe(noTrim!.mean);
  });
});

describe('aggregate: experts who cannot be standardised', () => {
  it('maps an expert who gave everyone the same total to the overall mean', () => {
    const apps = ['a', 'b', 'c'].map((id) => ({ id, category: 'enterprise' }));
    const reviews = [review('a', 'flat', 80), review('b', 'flat', 80), review('c', 'flat', 80), review('a', 'x', 90), review('b', 'x', 60), review('c', 'x', 75)];
    // M = (240 + 225) / 6 = 77.5; only x has σ > 0: σ = √((15² + 15² + 0)/3) = 12.2474 = S.
    // flat: z = 0 → 77.5 everywhere.  x: z = (90 − 75)/12.2474 = 1.2247 → 77.5 + 15 = 92.5; b → 62.5; c → 77.5
    const result = aggregate(apps, reviews);
    expect(result.scale.mean).toBe(77.5);
    expect(result.scale.sd).toBeCloseTo(12.2474, 4);
    const a = result.applications[0]!;
    expect(a.scores.find((s) => s.expertId === 'flat')).toMatchObject({ z: 0, normalised: 77.5 });
    expect(a.scores.find((s) => s.expertId === 'x')!.normalised).toBeCloseTo(92.5, 10);
    expect(a.normalised).toBeCloseTo(85, 10);
  });

  it('clamps mapped scores to the scale', () => {
    const apps = ['a', 'b', 'c', 'd'].map((id) => ({ id, category: 'enterprise' }));
    // Expert h: 100, 0, 0, 0 → μ 25, σ = √((75² + 3 × 25²)/4) = 43.30; z(a) = 1.732.
    // Expert l: 100, 100, 100, 0 → μ 75, σ 43.30; M = 400/8 = 50, S = 43.30 → h(a) = 50 + 75 = 125 → 100.
    const reviews = [review('a', 'h', 100), review('b', 'h', 0), review('c', 'h', 0), review('d', 'h', 0), review('a', 'l', 100), review('b', 'l', 100), review('c', 'l', 100), review('d', 'l', 0)];
    const a = aggregate(apps, reviews).applications[0]!;
    expect(a.scores.find((s) => s.expertId === 'h')!.normalised).toBe(100);
  });
});

describe('aggregate: rankings', () => {
  it('ranks each category and sub-type apart, lists unscored applications, and ignores reviews of unknown applications', () => {
    const apps: ApplicationToRank[] = [
      { id: 's1', category: 'platform', subType: 'shared' },
      { id: 'o1', category: 'platform', subType: 'other' },
      { id: 'o2', category: 'platform', subType: 'other' },
      { id: 'e1', category: 'enterprise' },
    ];
    const result = aggregate(apps, [review('s1', 'x', 70), review('o1', 'x', 60), review('o2', 'y', 65), review('ghost', 'x', 99)]);
    expect(result.rankings.map((g) => [g.key, g.entries.map((e) => e.applicationId), g.unscored])).toEqual([
      ['enterprise', [], ['e1']],
      ['platform:other', ['o2', 'o1'], []],
      ['platform:shared', ['s1'], []],
    ]);
    expect(result.applications.find((a) => a.applicationId === 'e1')).toMatchObject({ count: 0, mean: null, trimNote: '尚无评分' });
  });

  it('breaks ties by the other scores, then more reviews, then the application id, and marks them', () => {
    // Each expert scores once, so normalised = raw and every score below is 80:
    // Q has 3 reviews, P and R have 2 → Q first; P before R by id.
    const apps = ['R', 'P', 'Q'].map((id) => ({ id, category: 'enterprise' }));
    const reviews = [review('P', 'p1', 80), review('P', 'p2', 80), review('R', 'r1', 79), review('R', 'r2', 81), review('Q', 'q1', 75), review('Q', 'q2', 85), review('Q', 'q3', 80)];
    const [group] = aggregate(apps, reviews).rankings;
    expect(group!.entries).toEqual([
      { rank: 1, applicationId: 'Q', score: 80, tiedWithPrevious: false },
      { rank: 2, applicationId: 'P', score: 80, tiedWithPrevious: true },
      { rank: 3, applicationId: 'R', score: 80, tiedWithPrevious: true },
    ]);
  });

  it('uses the next score when the first is equal at display precision', () => {
    // Trimmed means equal (80 and 80): by mean, T (81.2) before U (80).
    const apps = ['T', 'U'].map((id) => ({ id, category: 'enterprise' }));
    const five = (id: string, xs: number[]) => xs.map((x, i) => review(id, `${id}${i}`, x));
    // T: 70, 80, 80, 80, 96 → trimmed 80, mean 81.2.  U: 80 × 5 → trimmed 80, mean 80.
    const [group] = aggregate(apps, [...five('T', [70, 80, 80, 80, 96]), ...five('U', [80, 80, 80, 80, 80])]).rankings;
    expect(group!.entries.map((e) => [e.applicationId, e.tiedWithPrevious])).toEqual([['T', false], ['U', true]]);
  });

  it('refuses two reviews of one application by the same expert', () => {
    expect(() => aggregate([{ id: 'a', category: 'city' }], [review('a', 'x', 1), review('a', 'x', 2)])).toThrow('duplicate review');
  });
});
