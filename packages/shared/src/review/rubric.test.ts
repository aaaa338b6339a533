import { describe, expect, it } from 'vitest';
import '../index.js'; // Chinese zod messages, as in the app
import { CATEGORIES } from '../categories.js';
import { DEFAULT_RUBRICS, rubricFor, rubricSchema, scoreSheetSchema, totalScore, withWeights } from './rubric.js';

const enterprise = DEFAULT_RUBRICS.enterprise;
const full = { profile: 5, status: 25, capability: 30, results: 25, plan: 10, other: 5 };

describe('default rubrics', () => {
  it.each(CATEGORIES)('%s: valid, criteria adding up to 100 points', (category) => {
    const rubric = DEFAULT_RUBRICS[category];
    expect(rubric.category).toBe(category);
    expect(rubricSchema.parse(rubric)).toEqual(rubric);
    expect(rubric.criteria.reduce((s, c) => s + c.maxPoints, 0)).toBe(100);
  });

  it('follow the first-level headings of the reference outlines', () => {
    // Seed 004, 示范企业参考提纲: 企业简介 / 服务型制造发展现状 / 服务型制造发展能力建设 / 服务型制造发展成效 / 进一步发展思路和规划 / 其他
    expect(enterprise.criteria.map((c) => c.label)).toEqual(['企业简介', '服务型制造发展现状', '服务型制造发展能力建设', '服务型制造发展成效', '进一步发展思路和规划', '其他']);
    // Seed 004, 示范平台参考提纲: 平台概况 / 平台建设 / 平台能力 / 平台服务成效 / 进一步发展思路和规划 / 其他
    expect(DEFAULT_RUBRICS.platform.criteria.map((c) => c.label)).toEqual(['平台概况', '平台建设', '平台能力', '平台服务成效', '进一步发展思路和规划', '其他']);
    // Seed 004, 示范区参考提纲: 一、工作举措 二、取得成效 三、示范意义 四、下一步工作安排
    expect(DEFAULT_RUBRICS.district.criteria.map((c) => c.label)).toEqual(['工作举措', '取得成效', '示范意义', '下一步工作安排']);
    // Seed 000: 项目实施绩效、项目特性、下一步发展思路和其他 / 工作举措、取得成效、示范亮点和作用、下一步工作安排和其他
    expect(DEFAULT_RUBRICS.project.criteria.map((c) => c.label)).toEqual(['项目实施绩效', '项目特性', '下一步发展思路', '其他']);
    expect(DEFAULT_RUBRICS.city.criteria.map((c) => c.label)).toEqual(['工作举措', '取得成效', '示范亮点和作用', '下一步工作安排', '其他']);
  });
});

describe('configured weights', () => {
  it('replaces points per criterion and keeps the total at 100', () => {
    const heavier = withWeights(enterprise, { results: 30, profile: 0.1, other: 4.9 });
    expect(heavier.criteria.map((c) => c.maxPoints)).toEqual([0.1, 25, 30, 30, 10, 4.9]);
    expect(() => withWeights(enterprise, { results: 40 })).toThrow('各评分项分值之和应为100分，当前为115分');
    expect(() => withWeights(enterprise, { nope: 1 })).toThrow('未知的评分项：nope');
  });

  it('refuses duplicate keys and empty rubrics', () => {
    const dup = { ...enterprise, criteria: [...enterprise.criteria.slice(0, 5), { ...enterprise.criteria[5]!, key: 'plan' }] };
    expect(rubricSchema.safeParse(dup).error?.issues.map((i) => i.message)).toEqual(['评分项标识重复：plan']);
    expect(rubricSchema.safeParse({ category: 'enterprise', criteria: [] }).success).toBe(false);
  });

  it('takes the round’s rubric for a category when it has one', () => {
    const own = withWeights(enterprise, { results: 30, plan: 5 });
    expect(rubricFor({ enterprise: own }, 'enterprise')).toBe(own);
    expect(rubricFor({ enterprise: own }, 'platform')).toBe(DEFAULT_RUBRICS.platform);
    expect(rubricFor(undefined, 'city')).toBe(DEFAULT_RUBRICS.city);
  });
});

describe('score sheets', () => {
  const schema = scoreSheetSchema(enterprise);
  const messages = (value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  it('accepts a complete sheet with up to one decimal and totals it', () => {
    const sheet = schema.parse({ scores: { ...full, status: 20.5, results: 18 }, comment: ' 服务收入占比高 ', suggestInspection: true });
    expect(sheet.comment).toBe('服务收入占比高');
    // 5 + 20.5 + 30 + 18 + 10 + 5 = 88.5
    expect(totalScore(enterprise, sheet.scores)).toBe(88.5);
  });

  it('explains each wrong score in Chinese', () => {
    expect(messages({ scores: { ...full, status: 26 } })).toEqual(['「服务型制造发展现状」的得分不能超过25分']);
    expect(messages({ scores: { ...full, plan: -1 } })).toEqual(['「进一步发展思路和规划」的得分不能小于0']);
    expect(messages({ scores: { ...full, capability: 12.25 } })).toEqual(['「服务型制造发展能力建设」的得分最多保留一位小数']);
    const { other: _, ...missing } = full;
    expect(messages({ scores: missing })).toEqual(['请为「其他」打分']);
    expect(messages({ scores: { ...full, extra: 1 } })).toHaveLength(1);
  });

  it('totals decimals without float noise', () => {
    // 0.1 + 0.2 + ... in floating point is not exact; the total is rounded to one decimal.
    const scores = { profile: 0.1, status: 0.2, capability: 0.3, results: 0.1, plan: 0.2, other: 0.3 };
    expect(totalScore(enterprise, scores)).toBe(1.2);
  });
});
