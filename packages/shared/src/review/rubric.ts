import { z } from 'zod';
import { CATEGORIES, type Category } from '../categories.js';

/**
 * Scoring rubrics (评分标准). Each category's criteria follow the headings of its reference outline
 * (说明材料参考提纲): enterprise, platform and district from Shanghai's 5th round (seed 004, 附件2),
 * project and city from the national guidance (seed 000: 项目实施绩效、项目特性、下一步发展思路和其他;
 * 工作举措、取得成效、示范亮点和作用、下一步工作安排和其他). The seeds give no points: the
 * defaults below weigh the results and capabilities most; a round overrides them per category.
 * A criterion's maximum points are its weight; a rubric's points add up to 100.
 */

export const RUBRIC_TOTAL = 100;

export const rubricCriterionSchema = z.object({
  key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, '评分项标识只能包含英文字母和数字'),
  label: z.string().trim().min(1, '请填写评分项名称').max(60),
  maxPoints: z.number().positive('分值应大于0').max(RUBRIC_TOTAL),
  /** What the reviewer looks for (the outline's second-level headings), shown beside the score box. */
  guidance: z.array(z.string()).default([]),
});

export const rubricSchema = z
  .object({
    category: z.enum(CATEGORIES),
    criteria: z.array(rubricCriterionSchema).min(1, '至少需要一个评分项'),
    /** Where the criteria come from, shown to experts. */
    source: z.string().optional(),
  })
  .superRefine((rubric, ctx) => {
    const keys = rubric.criteria.map((c) => c.key);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate) ctx.addIssue({ code: 'custom', path: ['criteria'], message: `评分项标识重复：${duplicate}` });
    const sum = roundPoints(rubric.criteria.reduce((s, c) => s + c.maxPoints, 0));
    if (sum !== RUBRIC_TOTAL) ctx.addIssue({ code: 'custom', path: ['criteria'], message: `各评分项分值之和应为${RUBRIC_TOTAL}分，当前为${sum}分` });
  });
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
export type Rubric = z.infer<typeof rubricSchema>;

const c = (key: string, label: string, maxPoints: number, guidance: string[]): RubricCriterion => ({ key, label, maxPoints, guidance });

export const DEFAULT_RUBRICS: Record<Category, Rubric> = {
  enterprise: {
    category: 'enterprise',
    source: '服务型制造示范企业相关说明材料参考提纲',
    criteria: [
      c('profile', '企业简介', 5, ['发展历程、主营业务、市场份额', '服务型制造转型动因及过程']),
      c('status', '服务型制造发展现状', 25, ['战略制定情况：战略规划、组织架构调整', '业务开展情况：服务业务设计与实现流程、商业及盈利模式、业务典型示例']),
      c('capability', '服务型制造发展能力建设', 30, ['业务能力：设计及研发能力、制造能力、服务能力', '支撑能力：数字化能力、营销能力、供应链整合能力']),
      c('results', '服务型制造发展成效', 25, ['可复制、可推广性', '经济效益、环境效益', '提升市场竞争力', '服务对制造的反哺作用、客户价值']),
      c('plan', '进一步发展思路和规划', 10, ['今后发展思路', '产品与服务的主要发展目标、关键举措']),
      c('other', '其他', 5, ['推动行业、产业发展的重要举措和影响力', '其他有助于申报的相关情况']),
    ],
  },
  platform: {
    category: 'platform',
    source: '服务型制造示范平台相关说明材料参考提纲',
    criteria: [
      c('overview', '平台概况', 5, ['运行机制及发展历程', '服务内容及类型、交易额']),
      c('construction', '平台建设', 20, ['战略制定', '平台模式：模式设计与运行、商业模式、合作方情况', '典型示例']),
      c('capability', '平台能力', 30, ['服务能力、创新能力、数字化能力、管理能力', '资源整合配置能力（共享制造类需论述闲置资源调配与利用情况）']),
      c('results', '平台服务成效', 30, ['平台效益', '平台集聚和协同效应', '平台可示范性']),
      c('plan', '进一步发展思路和规划', 10, ['丰富专业服务、降低交易成本的思路目标和主要举措', '预期经济社会效益、需要制定的标准']),
      c('other', '其他', 5, ['其他有助于申报示范平台的相关情况']),
    ],
  },
  project: {
    category: 'project',
    source: '示范项目说明材料撰写指南（项目实施绩效、项目特性、下一步发展思路和其他）',
    criteria: [
      c('performance', '项目实施绩效', 45, ['项目近三年数据（相关指标加总）', '集群内生产组织效率提升']),
      c('characteristics', '项目特性', 35, ['围绕产业集群的共性制造需求', '共享工厂、共性技术中心', '共享物流、仓储、采销、人力等服务']),
      c('plan', '下一步发展思路', 15, ['发展目标与主要举措']),
      c('other', '其他', 5, ['其他有助于申报示范项目的相关情况']),
    ],
  },
  city: {
    category: 'city',
    source: '示范城市说明材料撰写指南（工作举措、取得成效、示范亮点和作用、下一步工作安排和其他）',
    criteria: [
      c('measures', '工作举措', 30, ['工作机制及目标', '政策制定及落实情况', '资金支持情况', '工业设计特色类：国家级工业设计中心、设计人才培育等']),
      c('results', '取得成效', 35, ['服务型制造企业、平台、项目发展情况', '生产性服务业发展水平', '对制造业GDP增长的贡献']),
      c('highlights', '示范亮点和作用', 20, ['可供其他城市借鉴的经验']),
      c('plan', '下一步工作安排', 10, ['工作思路、目标、重点方向及举措']),
      c('other', '其他', 5, ['其他有助于申报示范城市的相关情况']),
    ],
  },
  district: {
    category: 'district',
    source: '服务型制造示范区相关说明材料参考提纲',
    criteria: [
      c('measures', '工作举措', 30, ['基础情况', '工作机制及目标', '政策制定及落实情况', '资金支持情况']),
      c('results', '取得成效', 40, ['本区企业服务型制造发展的整体情况', '产业集群及生产性服务业发展情况', '产业生态发展情况', '对本区制造业、经济及城市发展的贡献']),
      c('significance', '示范意义', 20, ['取得的成果、经验及示范意义']),
      c('plan', '下一步工作安排', 10, ['工作思路、目标、重点方向及举措']),
    ],
  },
};

/** The round's rubric for a category: its own if configured, else the default. */
export function rubricFor(rubrics: Partial<Record<Category, Rubric>> | undefined, category: Category): Rubric {
  return rubrics?.[category] ?? DEFAULT_RUBRICS[category];
}

/** A rubric with other points per criterion (the organiser's weights); validated, so the total stays 100. */
export function withWeights(rubric: Rubric, points: Record<string, number>): Rubric {
  const unknown = Object.keys(points).filter((k) => !rubric.criteria.some((c) => c.key === k));
  if (unknown.length) throw new Error(`未知的评分项：${unknown.join('、')}`);
  return rubricSchema.parse({ ...rubric, criteria: rubric.criteria.map((c) => ({ ...c, maxPoints: points[c.key] ?? c.maxPoints })) });
}

/** Points are kept to one decimal (0.1) and sums are rounded to that to avoid float noise. */
export function roundPoints(value: number): number {
  return Math.round(value * 10) / 10;
}

/** One expert's score sheet for one application under a rubric (the form and the route share it). */
export function scoreSheetSchema(rubric: Rubric) {
  const scores = Object.fromEntries(
    rubric.criteria.map((criterion) => [
      criterion.key,
      z
        .number({ error: `请为「${criterion.label}」打分` })
        .min(0, `「${criterion.label}」的得分不能小于0`)
        .max(criterion.maxPoints, `「${criterion.label}」的得分不能超过${criterion.maxPoints}分`)
        .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, `「${criterion.label}」的得分最多保留一位小数`),
    ]),
  );
  return z.object({
    scores: z.object(scores).strict(),
    /** 评审意见 */
    comment: z.string().trim().max(2000, '评审意见不能超过2000字').optional(),
    /** The expert suggests a site inspection (现场考察). */
    suggestInspection: z.boolean().optional(),
  });
}
export type ScoreSheet = z.infer<ReturnType<typeof scoreSheetSchema>>;

/** The total of a score sheet: the sum of its criteria, to one decimal. */
export function totalScore(rubric: Rubric, scores: Record<string, number>): number {
  return roundPoints(rubric.criteria.reduce((sum, criterion) => sum + (scores[criterion.key] ?? 0), 0));
}
