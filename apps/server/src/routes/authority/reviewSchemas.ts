import { z } from 'zod';
import { CATEGORIES, fileView } from '@fw/shared';
import { LIST_SORTS } from '../../db/queries/authorityList.js';

/** Request and response contracts of the authorities' review routes (they show in /api/docs). */
export const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
export const roundParams = z.object({ roundId: z.uuid('批次编号格式不正确') });
export const idParams = z.object({ id: z.uuid('申报书编号格式不正确') });
export const fileParams = z.object({ id: z.uuid('申报书编号格式不正确'), fileId: z.uuid('文件编号格式不正确') });
export const reopeningParams = z.object({ id: z.uuid('重新开放记录编号格式不正确') });

export const authorityRoundView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  fillingClosesAt: z.string(),
  levels: z.array(z.string()),
  myLevelIndex: z.number(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  canRecommend: z.boolean(),
  quotas: z.array(z.object({ category: z.string(), subType: z.string().nullable(), max: z.number(), used: z.number() })),
});

const boolString = z.enum(['true', 'false'], '请填写 true 或 false').transform((v) => v === 'true');
export const listQuery = z.object({
  category: z.enum(CATEGORIES, '申报类别不正确').optional(),
  subType: z.string().max(16, '子类过长').optional(),
  region: z.string().regex(/^\d{6}$/, '地区代码应为6位数字').optional(),
  checkStatus: z.enum(['pending', 'passed', 'returned'], '审查状态不正确').optional(),
  recommended: boolString.optional(),
  keyword: z.string().trim().max(100, '关键词不能超过100个字符').optional(),
  sort: z.enum(LIST_SORTS, '排序字段不正确').default('submittedAt'),
  order: z.enum(['asc', 'desc'], '排序方向不正确').default('desc'),
  page: z.coerce.number('页码应为数字').int('页码应为整数').min(1, '页码从1开始').default(1),
  pageSize: z.coerce.number('每页条数应为数字').int('每页条数应为整数').min(1, '每页至少1条').max(100, '每页最多100条').default(20),
});

export const listItem = z.object({
  id: z.string(),
  number: z.string().nullable(),
  organisationName: z.string().nullable(),
  uscc: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  category: z.string(),
  subType: z.string().nullable(),
  categoryTitle: z.string(),
  submittedAt: z.string().nullable(),
  status: z.string(),
  checkStatus: z.string(),
  checkReason: z.string().nullable(),
  recommended: z.boolean(),
  rank: z.number().nullable(),
  lowerRank: z.number().nullable(),
  paperResult: z.string().nullable(),
  reopened: z.boolean(),
  contactName: z.string().nullable(),
  contactMobileMasked: z.string().nullable(),
});

export const listResponse = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(listItem),
  counts: z.object({ all: z.number(), recommended: z.number(), passed: z.number(), returned: z.number(), pending: z.number() }),
});

export const myReviewView = z.object({
  checkStatus: z.string(),
  checkReason: z.string().nullable(),
  recommended: z.boolean(),
  rank: z.number().nullable(),
  opinion: z.string().nullable(),
  paperNumber: z.string().nullable(),
  paperResult: z.string().nullable(),
  paperCheckedAt: z.string().nullable(),
});

const scopeView = z.object({ whole: z.boolean(), sections: z.array(z.string()), slots: z.array(z.string()) });
export const reopeningView = z.object({
  id: z.string(),
  reason: z.string(),
  scope: scopeView,
  openedAt: z.string(),
  expiresAt: z.string(),
  closedAt: z.string().nullable(),
  byRegionName: z.string().nullable(),
  active: z.boolean(),
});

export const detailView = z.object({
  application: z.object({
    id: z.string(),
    number: z.string().nullable(),
    category: z.string(),
    subType: z.string().nullable(),
    categoryTitle: z.string(),
    status: z.string(),
    data: z.record(z.string(), z.unknown()),
    submittedAt: z.string().nullable(),
    roundId: z.string(),
  }),
  organisation: z.object({
    name: z.string().nullable(),
    uscc: z.string().nullable(),
    regionName: z.string().nullable(),
    registry: z.record(z.string(), z.string().nullable()).nullable(),
    contact: z.object({ name: z.string(), position: z.string(), mobile: z.string().nullable(), email: z.string().nullable() }).nullable(),
  }),
  files: z.array(fileView),
  submissions: z.array(z.object({ number: z.string(), status: z.string(), submittedAt: z.string() })),
  myReview: myReviewView.nullable(),
  lowerReviews: z.array(z.object({ level: z.string(), regionName: z.string().nullable(), checkStatus: z.string(), recommended: z.boolean(), rank: z.number().nullable(), opinion: z.string().nullable() })),
  reopenings: z.array(reopeningView),
  can: z.object({ check: z.boolean(), reopen: z.boolean(), recommend: z.boolean(), opinion: z.boolean(), paper: z.boolean() }),
});

export const reopenBody = z.object({
  reason: z.string('请填写原因').trim().min(2, '原因至少2个字').max(200, '原因不能超过200个字'),
  expiresAt: z.iso.datetime({ offset: true, message: '截止时间格式不正确' }).transform((s) => new Date(s)),
  scope: z.object({
    whole: z.boolean('请选择开放范围'),
    sections: z.array(z.string().max(64)).max(50).default([]),
    slots: z.array(z.string().max(32)).max(10).default([]),
  }),
});

export const checkBody = z.object({
  result: z.enum(['passed', 'returned'], '审查结果应为通过或退回'),
  reason: z.string().trim().max(500, '原因不能超过500个字').nullish(),
});

export const opinionBody = z.object({ opinion: z.string('请填写推荐意见').max(1000, '推荐意见不能超过1000个字') });

export const paperBody = z.object({ number: z.string('请输入或扫描申报编号').trim().min(1, '请输入或扫描申报编号').max(300, '内容过长') });
export const paperResponse = z.object({
  number: z.string(),
  result: z.enum(['matches', 'superseded', 'unknown']),
  applicationId: z.string().optional(),
  organisationName: z.string().nullable().optional(),
  currentNumber: z.string().nullable().optional(),
});

export const auditQuery = z.object({
  roundId: z.uuid('批次编号格式不正确').optional(),
  from: z.iso.date('开始日期格式不正确').optional(),
  to: z.iso.date('结束日期格式不正确').optional(),
  action: z.string().max(64).optional(),
  page: z.coerce.number('页码应为数字').int().min(1, '页码从1开始').default(1),
  pageSize: z.coerce.number('每页条数应为数字').int().min(1).max(200, '每页最多200条').default(50),
});

export const auditEventView = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorRoleLabel: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditResponse = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(auditEventView) });
