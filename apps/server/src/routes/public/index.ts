import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { objectionBody, unitSearchQuery } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { listPublicNotices, loadPublicNotice } from '../../commands/notice/publicNotice.js';
import { lodgeObjection } from '../../commands/notice/lodgeObjection.js';
import { findObjectionByReceipt } from '../../commands/notice/findObjectionByReceipt.js';
import { searchUnits } from '../../commands/notice/searchUnits.js';
import { isoDates } from './dates.js';
import {
  errorBody,
  objectionAnswerView,
  objectionReceiptView,
  publicNoticeSummary,
  publicNoticeView,
  receiptParams,
  receiptQuery,
  roundCodeParams,
  unitPage,
} from './schemas.js';

/**
 * Pages without login: the public notice, lodging an objection, the published demonstration units.
 * Limited per address (plugins/rateLimit.ts); writes carry the CSRF token like every other (the page
 * gets the cookie from its first GET).
 */
export const publicRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['public'];

  app.get('/notices', {
    schema: { tags, summary: '公示列表（公示中、公示期已结束、已发布）', response: { 200: z.array(publicNoticeSummary) } },
  }, async () => isoDates(await listPublicNotices(ctx)));

  app.get('/notices/:roundCode', {
    schema: { tags, summary: '一个批次的公示名单（不含个人信息）', params: roundCodeParams, response: { 200: publicNoticeView, 404: errorBody } },
  }, async (req) => isoDates(await loadPublicNotice(ctx, req.params.roundCode)));

  app.post('/notices/:roundCode/objections', {
    schema: { tags, summary: '在公示期内提出异议（返回回执编号）', params: roundCodeParams, body: objectionBody, response: { 200: objectionReceiptView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => isoDates(await lodgeObjection(ctx, req.params.roundCode, req.body, req.ip)));

  app.get('/objections/:receipt', {
    schema: { tags, summary: '凭回执编号和联系方式查询异议处理结果', params: receiptParams, querystring: receiptQuery, response: { 200: objectionAnswerView, 400: errorBody, 404: errorBody } },
  }, async (req) => isoDates(await findObjectionByReceipt(ctx, req.params.receipt, req.query.contact)));

  app.get('/units', {
    schema: { tags, summary: '示范单位名单（检索、分页；已撤销的不列出）', querystring: unitSearchQuery, response: { 200: unitPage, 400: errorBody } },
  }, async (req) => searchUnits(ctx, req.query));
};
