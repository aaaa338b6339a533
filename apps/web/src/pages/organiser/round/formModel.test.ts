import { describe, expect, it } from 'vitest';
import { GUANGDONG_2023_TEMPLATE, NATIONAL_3_TEMPLATE, type OrganiserRoundView } from '@fw/shared';
import { formFieldName, tabOf, toFormValues, toUpdateBody } from './formModel';

const round = (config = NATIONAL_3_TEMPLATE.config): OrganiserRoundView => ({
  id: 'r1',
  code: 'N3',
  name: '第三批服务型制造示范遴选',
  year: 2021,
  status: 'draft',
  organiserRegion: '000000',
  organiserName: '工业和信息化部',
  fillingOpensAt: '2021-03-16T16:00:00.000Z',
  fillingClosesAt: '2021-05-31T15:59:59.000Z',
  config,
  createdAt: '2021-03-01T00:00:00.000Z',
  started: 0,
  submitted: 0,
  configLock: null,
  next: { status: 'open', blocker: null },
});

describe('settings form model', () => {
  it.each([NATIONAL_3_TEMPLATE.config, GUANGDONG_2023_TEMPLATE.config])('an unchanged form gives back the stored settings', (config) => {
    const r = round(config);
    const body = toUpdateBody(toFormValues(r), r);
    expect(body.config).toEqual({ ...config, formVersion: 'v1' });
    expect(body).toMatchObject({ name: r.name, code: 'N3', year: 2021, fillingOpensAt: r.fillingOpensAt, fillingClosesAt: r.fillingClosesAt });
  });

  it('writes edits: indicator years from the first, quotas with level, stage days, review settings', () => {
    const r = round();
    const v = toFormValues(r);
    v.firstIndicatorYear = 2023;
    v.quotas = [{ category: 'enterprise', subType: '', max: 5, maxForTitled: null, level: '' }, { category: 'platform', subType: 'shared', max: 1, maxForTitled: 2, level: 'province' }];
    v.stages.reviewStartsOn = toFormValues(round({ ...r.config, stages: { reviewStartsOn: '2026-07-01' } })).stages.reviewStartsOn;
    v.stages.contactsDue = null;
    v.review = { perApplication: 3, maxPerExpert: null, sameRegionExcluded: 'province', rankBy: null };
    const { config } = toUpdateBody(v, r);
    expect(config!.indicatorYears).toEqual([2023, 2024, 2025]);
    expect(config!.quotas).toEqual([{ category: 'enterprise', max: 5 }, { category: 'platform', subType: 'shared', max: 1, maxForTitled: 2, level: 'province' }]);
    expect(config!.stages).toEqual({ recommendationDue: '2021-05-31', reviewStartsOn: '2026-07-01' });
    expect(config!.review).toEqual({ perApplication: 3, sameRegionExcluded: 'province' });
  });

  it.each([
    ['config.quotas.1.maxForTitled', ['quotas', 1, 'maxForTitled'], 'quotas'],
    ['config.quotas.2', ['quotas', 2, 'category'], 'quotas'],
    ['config.indicatorYears', ['firstIndicatorYear'], 'categories'],
    ['fillingClosesAt', ['filling'], 'basics'],
    ['config.stages.reviewEndsOn', ['stages', 'reviewEndsOn'], 'stages'],
    ['config.modes', ['modes'], 'categories'],
    ['code', ['code'], 'basics'],
  ])('server field %s → form field %j on tab %s', (path, name, tab) => {
    expect(formFieldName(path)).toEqual(name);
    expect(tabOf(formFieldName(path))).toBe(tab);
  });
});
