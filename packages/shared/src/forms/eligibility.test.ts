import { describe, expect, it } from 'vitest';
import { THIRD_NATIONAL_ROUND } from '../round.js';
import { FORM_SPECS, allFields } from './specs.js';
import { computeIndicators } from './indicators.js';
import { eligibilityWarnings, fullYearsBetween } from './eligibility.js';

const round = THIRD_NATIONAL_ROUND;
const today = '2021-04-15';
const table = allFields(FORM_SPECS.enterprise).find((f) => f.key === 'indicators')!;

function revenue(operating: [number | null, number | null, number | null], service: [number | null, number | null, number | null]) {
  const line = (v: (number | null)[]) => ({ '2018': v[0], '2019': v[1], '2020': v[2] });
  return { indicators: { operatingRevenue: line(operating), serviceRevenue: line(service) } };
}

describe('computeIndicators', () => {
  it('fills the service share as a percentage rounded to 2 decimals', () => {
    const v = computeIndicators(table, revenue([300, 1000, 3], [100, 235, 1]).indicators);
    expect(v.serviceShare).toEqual({ '2018': 33.33, '2019': 23.5, '2020': 33.33 });
    expect(v.operatingRevenue).toEqual({ '2018': 300, '2019': 1000, '2020': 3 });
  });

  it('leaves the share empty when the denominator is 0 or a cell is empty', () => {
    const v = computeIndicators(table, revenue([0, null, 100], [10, 10, null]).indicators);
    expect(v.serviceShare).toEqual({ '2018': null, '2019': null, '2020': null });
  });

  it('overwrites a computed line sent by a client and tolerates garbage', () => {
    const v = computeIndicators(table, { operatingRevenue: { '2020': 200 }, serviceRevenue: { '2020': 100 }, serviceShare: { '2020': 99 } });
    expect(v.serviceShare).toEqual({ '2020': 50 });
    expect(computeIndicators(table, 'nonsense')).toEqual({ serviceShare: {} });
  });
});

describe('eligibilityWarnings', () => {
  const enterprise = { round, subType: null, today };

  it('warns an enterprise whose latest service share is under the round minimum', () => {
    expect(eligibilityWarnings(FORM_SPECS.enterprise, revenue([100, 100, 1000], [50, 50, 235]), enterprise)).toEqual([
      { field: 'indicators', message: '最近一年服务收入占营业收入比重为 23.50%，低于30%' },
    ]);
  });

  it('judges only the latest year and accepts exactly the minimum', () => {
    expect(eligibilityWarnings(FORM_SPECS.enterprise, revenue([100, 100, 100], [1, 1, 30]), enterprise)).toEqual([]);
  });

  it('says nothing while the latest year is incomplete', () => {
    expect(eligibilityWarnings(FORM_SPECS.enterprise, revenue([100, 100, null], [1, 1, 1]), enterprise)).toEqual([]);
    expect(eligibilityWarnings(FORM_SPECS.enterprise, {}, enterprise)).toEqual([]);
  });

  it('follows the round minimum', () => {
    const lenient = { ...enterprise, round: { ...round, minServiceShare: 20 } };
    expect(eligibilityWarnings(FORM_SPECS.enterprise, revenue([100, 100, 1000], [50, 50, 235]), lenient)).toEqual([]);
  });

  const platform = { round, subType: 'other', today };

  it('warns a platform operating for less than 2 years at the application date', () => {
    expect(eligibilityWarnings(FORM_SPECS.platform, { launchedOn: '2019-04-16' }, platform)).toEqual([
      { field: 'launchedOn', message: '平台正式投入运营时间为2019年4月16日，截至2021年4月15日运营时间不满2年' },
    ]);
    expect(eligibilityWarnings(FORM_SPECS.platform, { launchedOn: '2019-04-15' }, platform)).toEqual([]);
  });

  it('falls back to the date of establishment when no start date is given', () => {
    const ws = eligibilityWarnings(FORM_SPECS.platform, {}, { ...platform, establishedOn: '2020-01-01' });
    expect(ws).toEqual([{ field: 'launchedOn', message: '运营主体成立日期为2020年1月1日，截至2021年4月15日运营时间不满2年' }]);
    expect(eligibilityWarnings(FORM_SPECS.platform, {}, { ...platform, establishedOn: '2010-01-01' })).toEqual([]);
    expect(eligibilityWarnings(FORM_SPECS.platform, {}, platform)).toEqual([]);
  });

  it('has nothing to compute for projects, cities and districts', () => {
    for (const c of ['project', 'city', 'district'] as const) expect(eligibilityWarnings(FORM_SPECS[c], revenue([1, 1, 1], [0, 0, 0]), enterprise)).toEqual([]);
  });
});

describe('fullYearsBetween', () => {
  it('counts whole years, including across leap days', () => {
    expect(fullYearsBetween('2019-04-15', '2021-04-15')).toBe(2);
    expect(fullYearsBetween('2019-04-16', '2021-04-15')).toBe(1);
    expect(fullYearsBetween('2020-02-29', '2022-02-28')).toBe(1);
    expect(fullYearsBetween('2020-02-29', '2022-03-01')).toBe(2);
  });
});
