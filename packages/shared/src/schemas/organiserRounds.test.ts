import { describe, expect, it } from 'vitest';
import { THIRD_NATIONAL_ROUND, type RoundConfig } from '../round.js';
import { ROUND_TEMPLATES } from '../rounds/templates/index.js';
import { createRoundBody, ROUND_NEXT_STATUS, roundConfigProblems, roundCodeSchema } from './organiserRounds.js';

const national = (patch: Partial<RoundConfig>): RoundConfig => ({ ...THIRD_NATIONAL_ROUND, ...patch });

describe('round settings checks', () => {
  it.each(ROUND_TEMPLATES.map((t) => [t.key, t] as const))('template %s has no problems at its own region', (_, t) => {
    expect(roundConfigProblems(t.config, t.organiserRegion, { fillingOpensAt: t.fillingOpensAt ?? undefined, fillingClosesAt: t.fillingClosesAt ?? undefined })).toEqual({});
  });

  it.each([
    [national({ quotas: [{ category: 'district', max: 1 }] }), 'config.quotas.0.category', '本批次不设示范区，不能为其设定名额'],
    [national({ quotas: [{ category: 'platform', subType: 'design', max: 1 }] }), 'config.quotas.0.subType', '示范平台没有“design”这一类型'],
    [national({ quotas: [{ category: 'enterprise', max: 4, maxForTitled: 2 }] }), 'config.quotas.0.maxForTitled', '示范城市名额不应少于一般名额'],
    [national({ quotas: [{ category: 'enterprise', max: 4, level: 'district' }] }), 'config.quotas.0.level', '名额所限的层级不在本批次的审核层级中'],
    [national({ quotas: [{ category: 'enterprise', max: 4 }, { category: 'enterprise', max: 5 }] }), 'config.quotas.1', '示范企业的名额重复设定'],
    [national({ modes: ['定制化服务', '定制化服务', '共享制造'] }), 'config.modes', '模式重复'],
    [national({ modes: ['定制化服务'] }), 'config.sharedMode', '模式列表中应包含共享制造模式“共享制造”'],
    [national({ indicatorYears: [2018, 2020, 2019] }), 'config.indicatorYears', '指标年度应为连续三年，由远及近'],
    [national({ reviewLevels: ['province', 'city'] }), 'config.reviewLevels', '审核层级应由低到高、不重复'],
    [national({ stages: { reviewStartsOn: '2021-07-01', reviewEndsOn: '2021-06-01' } }), 'config.stages.reviewEndsOn', '评审结束日期不能早于开始日期'],
  ] as const)('%#: refuses %s at %s', (config, path, message) => {
    expect(roundConfigProblems(config, '000000')[path]).toBe(message);
  });

  it('the top review level is the organiser\'s own', () => {
    expect(roundConfigProblems(THIRD_NATIONAL_ROUND, '440000')).toEqual({ 'config.reviewLevels': '审核层级的最高一级应为组织单位所在的省级' });
  });

  it('regions named by the round must lie inside the organiser territory', () => {
    const gd = national({ reviewLevels: ['city', 'province'], excludedRegions: ['440300'], titledRegions: ['320500'] });
    expect(roundConfigProblems(gd, '440000')).toEqual({ 'config.titledRegions': '地区320500不在本批次组织单位的辖区内' });
  });

  it('filling must close after it opens, and review start after filling', () => {
    expect(roundConfigProblems(THIRD_NATIONAL_ROUND, '000000', { fillingOpensAt: '2026-05-01T00:00:00+08:00', fillingClosesAt: '2026-04-01T00:00:00+08:00' })).toEqual({
      fillingClosesAt: '填报截止时间应晚于开始时间',
    });
    const early = national({ stages: { reviewStartsOn: '2026-04-30' } });
    expect(roundConfigProblems(early, '000000', { fillingClosesAt: '2026-05-01T23:59:59+08:00' })).toEqual({ 'config.stages.reviewStartsOn': '专家评审应在填报截止之后开始' });
  });
});

describe('round contracts', () => {
  it.each([['N3', true], ['SH5', true], ['ABCDEFGH', true], ['ABCDEFGHI', false], ['n3', false], ['N-3', false], ['', false]])('code %s → %s', (code, ok) => {
    expect(roundCodeSchema.safeParse(code).success).toBe(ok);
  });

  it('needs a template or a config', () => {
    const base = { code: 'X1', name: '测试批次', year: 2026, fillingOpensAt: '2026-03-01T00:00:00+08:00', fillingClosesAt: '2026-05-01T00:00:00+08:00' };
    expect(createRoundBody.safeParse({ ...base, templateKey: 'national-3' }).success).toBe(true);
    expect(createRoundBody.safeParse({ ...base, config: THIRD_NATIONAL_ROUND }).success).toBe(true);
    expect(createRoundBody.safeParse(base).error?.issues[0]?.message).toBe('请选择模板，或填写批次设置');
  });

  it('statuses move forwards one step at a time and end at published', () => {
    expect(ROUND_NEXT_STATUS).toEqual({ draft: 'open', open: 'closed', closed: 'reviewing', reviewing: 'published', published: null });
  });
});
