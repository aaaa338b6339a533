import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORIES } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { recommendApplication } from '../../commands/recommendation/recommendApplication.js';
import { unrecommendApplication } from '../../commands/recommendation/unrecommendApplication.js';
import { setRanking } from '../../commands/recommendation/setRanking.js';
import { previewBulk } from '../../commands/recommendation/previewBulk.js';
import { commitBulk } from '../../commands/recommendation/commitBulk.js';
import { BULK_ACTIONS } from '../../commands/recommendation/bulkTokens.js';
import { summaryRoutes } from './summary.js';

const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
const idParams = z.object({ id: z.string().uuid('申报书编号格式不正确') });
const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });
const bulkItem = z.object({ id: z.string(), organisationName: z.string(), problem: z.string().optional(), note: z.string().optional() });
const quotaError = errorBody.extend({ quota: z.object({ max: z.number(), used: z.number() }).optional() });

/** 推荐 / 撤销推荐, 排序, 批量操作 (preview then commit), and the summary table routes. */
export const recommendationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post('/applications/:id/recommend', {
    schema: {
      tags: ['authority'],
      summary: '推荐（须先截止本地区申报，名额内）',
      params: idParams,
      response: { 200: z.object({ rank: z.number(), used: z.number(), max: z.number().nullable() }), 404: errorBody, 409: quotaError },
    },
  }, async (req) => recommendApplication(ctx, actorOf(req), req.params.id));

  app.delete('/applications/:id/recommend', {
    schema: { tags: ['authority'], summary: '撤销推荐（其后的排名依次前移）', params: idParams, response: { 200: z.object({ ok: z.literal(true) }), 404: errorBody, 409: errorBody } },
  }, async (req) => unrecommendApplication(ctx, actorOf(req), req.params.id));

  app.put('/rounds/:roundId/ranking', {
    schema: {
      tags: ['authority'],
      summary: '推荐排序（须恰好包含本类别全部已推荐的申报）',
      params: roundParams,
      body: z.object({ category: z.enum(CATEGORIES), subType: z.string().max(16).nullable().default(null), order: z.array(z.string().uuid()).max(500) }),
      response: {
        200: z.object({ order: z.array(z.object({ applicationId: z.string(), rank: z.number() })) }),
        400: errorBody,
        404: errorBody,
        409: errorBody.extend({ recommended: z.array(z.string()).optional() }),
      },
    },
  }, async (req) => setRanking(ctx, actorOf(req), req.params.roundId, req.body));

  app.post('/rounds/:roundId/bulk/preview', {
    schema: {
      tags: ['authority'],
      summary: '批量操作预览（数量、名单、问题；返回10分钟内有效的一次性确认码）',
      params: roundParams,
      body: z.object({ action: z.enum(BULK_ACTIONS), ids: z.array(z.string().uuid()).min(1, '请选择申报').max(500) }),
      response: { 200: z.object({ token: z.string(), count: z.number(), items: z.array(bulkItem), quotaProblems: z.array(z.string()) }), 404: errorBody },
    },
  }, async (req) => previewBulk(ctx, actorOf(req), req.params.roundId, req.body));

  app.post('/rounds/:roundId/bulk/commit', {
    schema: {
      tags: ['authority'],
      summary: '确认批量操作（全部成功或全部不执行）',
      params: roundParams,
      body: z.object({ token: z.string().min(1).max(100) }),
      response: { 200: z.object({ done: z.number(), failed: z.number() }), 404: errorBody, 409: errorBody.extend({ items: z.array(bulkItem).optional(), quotaProblems: z.array(z.string()).optional() }) },
    },
  }, async (req) => commitBulk(ctx, actorOf(req), req.params.roundId, req.body.token));

  await app.register(summaryRoutes, { ctx });
};
