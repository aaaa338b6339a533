import { describe, expect, it } from 'vitest';
import { roundConfigSchema, THIRD_NATIONAL_ROUND } from '../round.js';
import { DEFAULT_RUBRICS, withWeights } from './rubric.js';
import { reviewSettingsOf, reviewSettingsSchema } from './settings.js';

describe('review settings', () => {
  it('fill in defaults for a round stored before review existed', () => {
    const settings = reviewSettingsOf(THIRD_NATIONAL_ROUND);
    expect(settings).toMatchObject({ perApplication: 5, maxPerExpert: 50, sameRegionExcluded: 'none' });
    expect(settings.rubrics.enterprise).toBe(DEFAULT_RUBRICS.enterprise);
    expect(settings.aggregate).toMatchObject({ rankBy: 'trimmedMean', trimMinReviews: 5, outlierK: 2, outlierMinSpread: 5, highSpreadSd: 10 });
  });

  it('take the round’s own values, rubric per category included', () => {
    const enterprise = withWeights(DEFAULT_RUBRICS.enterprise, { results: 30, plan: 5 });
    const config = roundConfigSchema.parse({
      ...THIRD_NATIONAL_ROUND,
      review: { perApplication: 7, sameRegionExcluded: 'province', rubrics: { enterprise }, rankBy: 'normalised', outlierK: 2.5 },
    });
    const settings = reviewSettingsOf(config);
    expect(settings).toMatchObject({ perApplication: 7, maxPerExpert: 50, sameRegionExcluded: 'province' });
    expect(settings.rubrics.enterprise.criteria.find((c) => c.key === 'results')!.maxPoints).toBe(30);
    expect(settings.rubrics.platform).toBe(DEFAULT_RUBRICS.platform);
    expect(settings.aggregate).toMatchObject({ rankBy: 'normalised', outlierK: 2.5, trimMinReviews: 5 });
  });

  it('refuse a rubric filed under another category, bad weights and unknown rules', () => {
    expect(reviewSettingsSchema.safeParse({ rubrics: { platform: DEFAULT_RUBRICS.enterprise } }).error?.issues[0]!.message).toBe('评分标准的类别与所属类别不一致');
    const bad = { ...DEFAULT_RUBRICS.city, criteria: DEFAULT_RUBRICS.city.criteria.map((c) => ({ ...c, maxPoints: 10 })) };
    expect(reviewSettingsSchema.safeParse({ rubrics: { city: bad } }).error?.issues[0]!.message).toBe('各评分项分值之和应为100分，当前为50分');
    expect(reviewSettingsSchema.safeParse({ sameRegionExcluded: 'street' }).success).toBe(false);
    expect(reviewSettingsSchema.safeParse({ perApplication: 0 }).success).toBe(false);
  });
});
