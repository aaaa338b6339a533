import { z } from 'zod';
import { CATEGORY_SUB_TYPES, categoryTitle } from '../categories.js';
import { roundConfigSchema, type RoundConfig } from '../round.js';
import { LEVEL_LABELS, levelOf, regionContains } from '../rules/regions.js';
import { roundTemplateSchema } from '../rounds/templates/types.js';

/** A round's life: 草稿 → 填报中 → 填报结束 → 评审中 → 已发布. */
export const ROUND_STATUSES = ['draft', 'open', 'closed', 'reviewing', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  draft: '草稿',
  open: '填报中',
  closed: '填报结束',
  reviewing: '评审中',
  published: '已发布',
};

/** The one step each status may take, forwards only (the organiser's button names it). */
export const ROUND_NEXT_STATUS: Record<RoundStatus, RoundStatus | null> = {
  draft: 'open',
  open: 'closed',
  closed: 'reviewing',
  reviewing: 'published',
  published: null,
};

export const ROUND_TRANSITION_LABELS: Record<RoundStatus, string> = {
  draft: '退回草稿',
  open: '开放填报',
  closed: '结束填报',
  reviewing: '进入评审',
  published: '发布结果',
};

export function isRoundStatus(s: string): s is RoundStatus {
  return (ROUND_STATUSES as readonly string[]).includes(s);
}

/** Short code in application numbers (N3-440300-E00017K). */
export const roundCodeSchema = z
  .string({ error: '请填写批次代码' })
  .trim()
  .regex(/^[A-Z0-9]{1,8}$/, '批次代码为1至8位大写字母或数字（用于申报编号）');

export const roundNameSchema = z.string({ error: '请填写批次名称' }).trim().min(2, '批次名称至少2个字').max(100, '批次名称不超过100个字');
export const roundYearSchema = z.number({ error: '请填写年度' }).int('年度应为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年');
const dateTime = (what: string) => z.iso.datetime({ offset: true, error: `请填写${what}` });

/** POST /api/organiser/rounds — from a template (its config) or from scratch (config). */
export const createRoundBody = z
  .object({
    /** A key of ROUND_TEMPLATES; its config is the base unless `config` is given. */
    templateKey: z.string().optional(),
    code: roundCodeSchema,
    name: roundNameSchema,
    year: roundYearSchema,
    fillingOpensAt: dateTime('填报开始时间'),
    fillingClosesAt: dateTime('填报截止时间'),
    config: roundConfigSchema.optional(),
    /** Administrators only: the region whose authority organises the round (default: the template's). */
    organiserRegion: z.string().regex(/^\d{6}$/, '组织单位地区代码应为6位数字').optional(),
  })
  .refine((b) => b.templateKey || b.config, { message: '请选择模板，或填写批次设置', path: ['templateKey'] });
export type CreateRoundBody = z.infer<typeof createRoundBody>;

/** PATCH /api/organiser/rounds/:roundId — only what is sent changes; `config` is replaced whole. */
export const updateRoundBody = z.object({
  code: roundCodeSchema.optional(),
  name: roundNameSchema.optional(),
  year: roundYearSchema.optional(),
  fillingOpensAt: dateTime('填报开始时间').optional(),
  fillingClosesAt: dateTime('填报截止时间').optional(),
  config: roundConfigSchema.optional(),
});
export type UpdateRoundBody = z.infer<typeof updateRoundBody>;

export const roundTransitionBody = z.object({ to: z.enum(ROUND_STATUSES, { error: '目标状态不正确' }) });

/** What the organiser sees of one of its rounds. */
export const organiserRoundView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  status: z.string(),
  organiserRegion: z.string(),
  organiserName: z.string().nullable(),
  fillingOpensAt: z.string(),
  fillingClosesAt: z.string(),
  config: roundConfigSchema,
  createdAt: z.string(),
  /** Applications started / submitted in the round. */
  started: z.number(),
  submitted: z.number(),
  /** Why categories, modes, the form version and the code can no longer change (null: they can). */
  configLock: z.string().nullable(),
  /** The next status the organiser may move to, and what still stops it (null: nothing). */
  next: z.object({ status: z.enum(ROUND_STATUSES), blocker: z.string().nullable() }).nullable(),
});
export type OrganiserRoundView = z.infer<typeof organiserRoundView>;

export const organiserRoundsResponse = z.object({
  rounds: z.array(organiserRoundView),
  /** Templates at the actor's level, already based on the actor's region. */
  templates: z.array(roundTemplateSchema),
  /** Whether the actor may create rounds (its level organises: ministry, province, city; admins). */
  canCreate: z.boolean(),
});
export type OrganiserRoundsResponse = z.infer<typeof organiserRoundsResponse>;

/**
 * Checks across fields that the config schema alone cannot see; field path → Chinese message.
 * The server refuses a round with any of them; the settings form shows them at the fields.
 */
export function roundConfigProblems(config: RoundConfig, organiserRegion: string, dates?: { fillingOpensAt?: string; fillingClosesAt?: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  const add = (path: string, message: string) => {
    problems[path] ??= message;
  };
  if (new Set(config.categories).size !== config.categories.length) add('config.categories', '申报类别重复');
  const modes = config.modes.map((m) => m.trim());
  if (modes.some((m) => !m)) add('config.modes', '模式名称不能为空');
  if (new Set(modes).size !== modes.length) add('config.modes', '模式重复');
  const needsShared = config.categories.includes('platform') || config.categories.includes('project');
  if (needsShared && !config.modes.includes(config.sharedMode)) add('config.sharedMode', `模式列表中应包含共享制造模式“${config.sharedMode}”`);
  const years = config.indicatorYears;
  if (years[1] !== years[0]! + 1 || years[2] !== years[1]! + 1) add('config.indicatorYears', '指标年度应为连续三年，由远及近');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(config.noViolationSince)) add('config.noViolationSince', '日期格式应为YYYY-MM-DD');
  if (config.minServiceShare < 0 || config.minServiceShare > 100) add('config.minServiceShare', '服务收入占比应在0至100之间');
  if (config.minPlatformYears < 0 || config.minPlatformYears > 50) add('config.minPlatformYears', '平台运营年限应在0至50之间');

  const seen = new Set<string>();
  config.quotas.forEach((q, i) => {
    const label = categoryTitle(q.category, q.subType ?? null);
    if (!config.categories.includes(q.category)) add(`config.quotas.${i}.category`, `本批次不设${label}，不能为其设定名额`);
    const subTypes = CATEGORY_SUB_TYPES[q.category];
    if (q.subType && !subTypes.includes(q.subType)) add(`config.quotas.${i}.subType`, `${categoryTitle(q.category)}没有“${q.subType}”这一类型`);
    if (q.maxForTitled !== undefined && q.maxForTitled < q.max) add(`config.quotas.${i}.maxForTitled`, '示范城市名额不应少于一般名额');
    if (q.level && !config.reviewLevels.includes(q.level)) add(`config.quotas.${i}.level`, '名额所限的层级不在本批次的审核层级中');
    const key = `${q.category}/${q.subType ?? ''}/${q.level ?? ''}`;
    if (seen.has(key)) add(`config.quotas.${i}`, `${label}的名额重复设定`);
    seen.add(key);
  });

  const levels = config.reviewLevels;
  const order = ['district', 'city', 'province', 'ministry'];
  if (new Set(levels).size !== levels.length || levels.some((l, i) => i > 0 && order.indexOf(l) <= order.indexOf(levels[i - 1]!))) {
    add('config.reviewLevels', '审核层级应由低到高、不重复');
  }
  const organiserLevel = levelOf(organiserRegion);
  if (levels[levels.length - 1] !== organiserLevel) add('config.reviewLevels', `审核层级的最高一级应为组织单位所在的${LEVEL_LABELS[organiserLevel]}`);
  for (const [key, list] of [['titledRegions', config.titledRegions ?? []], ['excludedRegions', config.excludedRegions ?? []]] as const) {
    const outside = list.find((code) => !regionContains(organiserRegion, code) || code === organiserRegion);
    if (outside) add(`config.${key}`, `地区${outside}不在本批次组织单位的辖区内`);
  }

  const s = config.stages ?? {};
  if (s.reviewStartsOn && s.reviewEndsOn && s.reviewStartsOn > s.reviewEndsOn) add('config.stages.reviewEndsOn', '评审结束日期不能早于开始日期');
  if (dates?.fillingOpensAt && dates.fillingClosesAt && Date.parse(dates.fillingOpensAt) >= Date.parse(dates.fillingClosesAt)) {
    add('fillingClosesAt', '填报截止时间应晚于开始时间');
  }
  const closesOn = dates?.fillingClosesAt ? beijingDate(dates.fillingClosesAt) : null;
  if (closesOn && s.reviewStartsOn && s.reviewStartsOn < closesOn) add('config.stages.reviewStartsOn', '专家评审应在填报截止之后开始');
  if (s.reviewEndsOn && s.noticeStartsOn && s.noticeStartsOn < s.reviewEndsOn) add('config.stages.noticeStartsOn', '公示应在专家评审结束之后开始');
  return problems;
}

/** The Beijing calendar date of an instant (YYYY-MM-DD). */
function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
