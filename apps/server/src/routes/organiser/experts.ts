import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  employerLookupQuery,
  employerLookupResponse,
  expertImportReport,
  expertListQuery,
  expertListResponse,
  expertView,
  issueExpertBody,
  issueExpertResponse,
  updateExpertBody,
} from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { expertWithUser, issueExpert } from '../../commands/experts/issueExpert.js';
import { updateExpert } from '../../commands/experts/updateExpert.js';
import { listExperts } from '../../commands/experts/listExperts.js';
import { importExpertsCsv } from '../../commands/experts/importExpertsCsv.js';
import { lookupEmployer } from '../../commands/experts/employerOf.js';
import { loadPoolExpert } from '../../commands/experts/loadPoolExpert.js';
import { presentExpert } from '../../commands/experts/presentExpert.js';
import { regionNames } from '../../commands/experts/regionNames.js';
import { errorBody } from '../authority/reviewSchemas.js';

const expertParams = z.object({ id: z.uuid('专家编号格式不正确') });
/** A CSV of a few thousand experts fits well below this. */
const CSV_MAX_CHARS = 900_000;

/** The organiser's expert pool (专家库): issue expert accounts, edit fields and declared conflicts. */
export const expertPoolRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const present = async (expertId: string) => {
    const row = await expertWithUser(ctx, expertId);
    return presentExpert(ctx, row, await regionNames(ctx.db, [row.expert.regionCode]));
  };

  app.get('/experts', {
    schema: { tags: ['organiser'], summary: '本单位专家库（分页；按专业领域、评审类别、状态筛选；手机号脱敏）', querystring: expertListQuery, response: { 200: expertListResponse, 400: errorBody, 403: errorBody } },
  }, async (req) => listExperts(ctx, actorOf(req), req.query));

  app.post('/experts', {
    schema: {
      tags: ['organiser'],
      summary: '开设专家账号（初始密码仅返回一次；首次登录绑定联系人、修改密码并绑定动态口令）',
      body: issueExpertBody,
      response: { 200: issueExpertResponse, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req, reply) => {
    const { expert, initialPassword } = await issueExpert(ctx, actorOf(req), { ...req.body, via: 'ui' });
    reply.header('Cache-Control', 'no-store');
    return { expert: await present(expert.userId), initialPassword };
  });

  app.post('/experts/import', {
    schema: {
      tags: ['organiser'],
      summary: '批量导入专家（CSV：name,username,mobile,employer,employer_uscc,region_code,fields,categories；逐行报告，初始密码仅返回一次）',
      body: z.object({ csv: z.string().min(1, '请选择CSV文件').max(CSV_MAX_CHARS, 'CSV 文件过大，请分批导入') }),
      response: { 200: expertImportReport, 400: errorBody, 403: errorBody },
    },
  }, async (req, reply) => {
    reply.header('Cache-Control', 'no-store');
    return importExpertsCsv(ctx, actorOf(req), req.body.csv);
  });

  app.get('/experts/employer', {
    schema: { tags: ['organiser'], summary: '按统一社会信用代码查询工作单位的工商登记信息（名称、法定代表人）', querystring: employerLookupQuery, response: { 200: employerLookupResponse, 400: errorBody, 404: errorBody } },
  }, async (req) => lookupEmployer(ctx, req.query.uscc));

  app.get('/experts/:id', {
    schema: { tags: ['organiser'], summary: '专家详情', params: expertParams, response: { 200: expertView, 404: errorBody } },
  }, async (req) => {
    const row = await loadPoolExpert(ctx, actorOf(req), req.params.id);
    return presentExpert(ctx, row, await regionNames(ctx.db, [row.expert.regionCode]));
  });

  app.patch('/experts/:id', {
    schema: {
      tags: ['organiser'],
      summary: '修改专家信息（工作单位、地区、评审类别、评审上限、申报回避）或停用/启用',
      params: expertParams,
      body: updateExpertBody,
      response: { 200: expertView, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    await updateExpert(ctx, actorOf(req), req.params.id, req.body);
    return present(req.params.id);
  });
};
