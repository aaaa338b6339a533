import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_SPECS } from '../../forms/index.js';
import { roundConfigSchema, THIRD_NATIONAL_ROUND, type Quota } from '../../round.js';
import { reviewSettingsOf } from '../../review/settings.js';
import { DALIAN_2023_TEMPLATE, GUANGDONG_2023_TEMPLATE, NATIONAL_3_TEMPLATE, ROUND_TEMPLATES, roundTemplate, roundTemplateSchema, SHANGHAI_5_TEMPLATE } from './index.js';

const quotaTable = (quotas: Quota[]) => quotas.map((q) => [q.category, q.subType ?? null, q.max, q.maxForTitled ?? null, q.level ?? null]);

describe('round templates', () => {
  it.each(ROUND_TEMPLATES.map((t) => [t.key, t] as const))('%s parses, and its config parses unchanged', (_, template) => {
    expect(roundTemplateSchema.parse(template)).toEqual(template);
    expect(roundConfigSchema.parse(template.config)).toEqual(template.config);
    // Every category has a form, and every shared-kind platform finds its mode in the list.
    for (const category of template.config.categories) expect(FORM_SPECS[category]).toBeDefined();
    expect(template.config.modes).toContain(template.config.sharedMode);
    expect(template.config.modes).toContain('其他创新模式');
    // Quotas only for the round's categories; review defaults apply.
    for (const q of template.config.quotas) expect(template.config.categories).toContain(q.category);
    expect(reviewSettingsOf(template.config).perApplication).toBe(5);
    if (template.fillingOpensAt && template.fillingClosesAt) expect(template.fillingOpensAt < template.fillingClosesAt).toBe(true);
  });

  it('have unique keys and application-number codes, and can be looked up', () => {
    expect(new Set(ROUND_TEMPLATES.map((t) => t.key)).size).toBe(4);
    expect(new Set(ROUND_TEMPLATES.map((t) => t.code)).size).toBe(4);
    expect(roundTemplate('shanghai-5')).toBe(SHANGHAI_5_TEMPLATE);
    expect(roundTemplate('nope')).toBeUndefined();
  });

  it('3rd national round (seed 001): the existing round plus dates and one paper copy', () => {
    const { config } = NATIONAL_3_TEMPLATE;
    // "示范企业不超过 6个", "共享制造类示范平台不超过1个", "其他类示范平台不超过 3个", "示范项目不超过 3个",
    // "工业设计特色类示范城市不超过 1个", "其他类示范城市不超过 1个" — per province (省级主管部门).
    expect(quotaTable(config.quotas)).toEqual([
      ['enterprise', null, 6, null, 'province'],
      ['platform', 'shared', 1, null, 'province'],
      ['platform', 'other', 3, null, 'province'],
      ['project', null, 3, null, 'province'],
      ['city', 'design', 1, null, 'province'],
      ['city', 'general', 1, null, 'province'],
    ]);
    expect({ ...config, quotas: THIRD_NATIONAL_ROUND.quotas, paperCopies: undefined, stages: undefined }).toEqual({ ...THIRD_NATIONAL_ROUND, paperCopies: undefined, stages: undefined });
    // "近 2年内（ 2019年1月1日起）", "于 2021年5月31日前…（一式 1份）", "于 2021年3月31日前反馈"
    expect(config.noViolationSince).toBe('2019-01-01');
    expect(config.stages).toEqual({ contactsDue: '2021-03-31', recommendationDue: '2021-05-31' });
    expect(config.paperCopies).toBe(1);
    expect(NATIONAL_3_TEMPLATE.organiserRegion).toBe('000000');
  });

  it('Guangdong 2023 (seed 002): per-city quotas, larger for demonstration cities; Shenzhen excluded', () => {
    const { config } = GUANGDONG_2023_TEMPLATE;
    // "已获评…示范城市的地市可推荐示范企业不超过 6 个、示范平台（共享制造类）不超过 2 个、示范平台（其他类）不超过 3 个、
    //  示范项目不超过 3 个。其他地市推荐示范企业不超过 4 个、示范平台（共享制造类）不超过 1 个、示范平台（其他类）不超过 2 个、
    //  示范项目不超过 2 个。" — no number for demonstration cities.
    expect(quotaTable(config.quotas)).toEqual([
      ['enterprise', null, 4, 6, 'city'],
      ['platform', 'shared', 1, 2, 'city'],
      ['platform', 'other', 2, 3, 'city'],
      ['project', null, 2, 3, 'city'],
    ]);
    // "包括示范企业、示范项目、示范平台和示范城市四个类别"; "各地级以上市（不含深圳）"; "于 5月 6日前…（一式两份）";
    // "5 月 20 日前…填报评估评价材料", "5 月 23 日前将书面说明报送"
    expect([...config.categories].sort()).toEqual(['city', 'enterprise', 'platform', 'project']);
    expect(config.excludedRegions).toEqual(['440300']);
    expect(config.reviewLevels).toEqual(['city', 'province']);
    expect(config.paperCopies).toBe(2);
    expect(config.stages).toEqual({ recommendationDue: '2023-05-06', evaluationDue: '2023-05-20', evaluationExplanationDue: '2023-05-23' });
    expect(GUANGDONG_2023_TEMPLATE.organiserRegion).toBe('440000');
  });

  it('Dalian 2023 (seed 003): district → city, its own quotas, no project category', () => {
    const { config } = DALIAN_2023_TEMPLATE;
    // "我市示范企业不超过3个", "共享制造类示范平台不超过1个", "我市示范平台不超过1个",
    // "综合类示范城市不超过1个", "工业设计特色类示范城市不超过1个"
    expect(quotaTable(config.quotas)).toEqual([
      ['enterprise', null, 3, null, 'city'],
      ['platform', 'shared', 1, null, 'city'],
      ['platform', 'other', 1, null, 'city'],
      ['city', 'general', 1, null, 'city'],
      ['city', 'design', 1, null, 'city'],
    ]);
    // 遴选类别: 示范企业, 示范平台, 示范城市. "自 2021年1月1日起"; "申报截止时间为2023年5月15日"; "纸质材料3份";
    // "于2023年5月5日前…填报评估评价材料"
    expect(config.categories).toEqual(['enterprise', 'platform', 'city']);
    expect(config.reviewLevels).toEqual(['district', 'city']);
    expect(config.noViolationSince).toBe('2021-01-01');
    expect(DALIAN_2023_TEMPLATE.fillingClosesAt).toBe('2023-05-15T23:59:59+08:00');
    expect(DALIAN_2023_TEMPLATE.fillingOpensAt).toBeNull();
    expect(config.paperCopies).toBe(3);
    expect(config.stages?.evaluationDue).toBe('2023-05-05');
    expect(DALIAN_2023_TEMPLATE.organiserRegion).toBe('210200');
  });

  it('Shanghai 5th municipal round (seed 004): 示范区, the modes of 附件1, no quotas', () => {
    const { config } = SHANGHAI_5_TEMPLATE;
    // 附件1 服务型制造重点模式说明: "1、研发和设计服务 … 11、其他创新模式"
    expect(config.modes).toEqual(['研发和设计服务', '个性化定制服务', '供应链管理服务', '共享制造', '检验检测服务', '全生命周期管理', '总集成总承包服务', '节能环保服务', '生产性金融服务', '产业互联网', '其他创新模式']);
    // "(三) 示范区"; "自 2021 年 1 月 1 日至今"; "于2023年7月14日前反馈"; "于2023年8月10日前报送"; (限 10000 字以内)
    expect(config.categories).toEqual(['enterprise', 'platform', 'district']);
    expect(config.quotas).toEqual([]);
    expect(config.reviewLevels).toEqual(['district', 'province']);
    expect(config.indicatorYears).toEqual([2020, 2021, 2022]);
    expect(config.stages).toEqual({ contactsDue: '2023-07-14', recommendationDue: '2023-08-10' });
    expect(config.narrativeMaxChars).toEqual({ enterprise: 5000, platform: 5000, district: 10000 });
    expect(SHANGHAI_5_TEMPLATE.organiserRegion).toBe('310000');
  });
});

/**
 * The quoted facts, checked against the seed documents when they are at hand (SEEDS_DIR, default
 * /work/shared/seeds); whitespace is ignored because the PDF extraction breaks lines anywhere.
 */
const SEEDS_DIR = process.env.SEEDS_DIR ?? '/work/shared/seeds';
const seedText = (prefix: string) => {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  return readFileSync(path.join(SEEDS_DIR, file!), 'utf8').replace(/\s+/g, '');
};

describe.runIf(existsSync(SEEDS_DIR))('round templates against the seed documents', () => {
  it.each([
    ['001', ['工信厅政法函〔2021〕43号', '可推荐示范企业不超过6个', '共享制造类示范平台不超过1个', '其他类示范平台不超过3个', '示范项目不超过3个', '工业设计特色类示范城市不超过1个', '其他类示范城市不超过1个', '2019年1月1日起', '2021年5月31日前', '一式1份', '2021年3月31日前']],
    ['002', ['粤工信生产合作函〔2023〕9号', '（不含深圳）', '可推荐示范企业不超过6个、示范平台（共享制造类）不超过2个、示范平台（其他类）不超过3个、示范项目不超过3个', '其他地市推荐示范企业不超过4个、示范平台（共享制造类）不超过1个、示范平台（其他类）不超过2个、示范项目不超过2个', '5月6日前', '一式两份', '5月20日前', '5月23日前']],
    ['003', ['我市示范企业不超过3个', '共享制造类示范平台不超过1个', '我市示范平台不超过1个', '综合类示范城市不超过1个', '工业设计特色类示范城市不超过1个', '2021年1月1日起', '申报截止时间为2023年5月15日', '纸质材料3份', '2023年5月5日前']],
    ['004', ['沪经信生〔2023〕556号', '(三)示范区', '2021年1月1日至今', '2023年7月14日前', '2023年8月10日前', '(限10000字以内)', ...SHANGHAI_5_TEMPLATE.config.modes.map((m, i) => `${i + 1}、${m}。`)]],
  ] as const)('seed %s says what the template encodes', (prefix, quotes) => {
    const text = seedText(prefix);
    for (const quote of quotes) expect(text, quote).toContain(quote.replace(/\s+/g, ''));
  });
});
