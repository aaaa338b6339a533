import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asc, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rounds } from '../../db/schema/index.js';
import { asAuthority, loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { listForAuthority } from '../../db/queries/authorityList.js';
import { findFile } from '../../db/queries/files.js';
import { actorOf } from '../../plugins/session.js';
import { AppError } from '../../errors.js';
import { contentTypeOf } from '../../services/files/fileType.js';
import { attachmentDisposition } from '../uploads/contentDisposition.js';
import { loadRoundForAuthority, roundConcerns } from '../../commands/review/loadRound.js';
import { viewApplication } from '../../commands/review/viewApplication.js';
import { renderSubmissionPdfForAuthority } from '../../commands/applications/renderSubmissionPdf.js';
import { presentAuthorityRound } from '../../presenters/authorityRound.js';
import { presentAuthorityDetail, presentListItem } from '../../presenters/authorityApplication.js';
import { authorityRoundView, detailView, errorBody, fileParams, idParams, listQuery, listResponse, roundParams } from './reviewSchemas.js';
import { reviewActionRoutes } from './reviewActions.js';
import { auditRoutes } from './audit.js';

/** The authorities' reading side: rounds, the scoped list, one application, its files and PDF. */
export const reviewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/rounds', {
    schema: { tags: ['authority'], summary: '本级参与审核的遴选批次（含截止状态与名额使用）', response: { 200: z.array(authorityRoundView) } },
  }, async (req) => {
    const actor = asAuthority(actorOf(req));
    // Open rounds first (the pages open the first one): a finished earlier round does not hide the current one.
    const rows = await ctx.db.select().from(rounds).where(ne(rounds.status, 'draft')).orderBy(sql`${rounds.status} <> 'open'`, asc(rounds.fillingClosesAt));
    return Promise.all(rows.filter((r) => roundConcerns(r, actor)).map((r) => presentAuthorityRound(ctx, actor, r)));
  });

  app.get('/rounds/:roundId/applications', {
    schema: {
      tags: ['authority'],
      summary: '申报列表（本地区可见范围；已推荐的按推荐顺序置顶）',
      params: roundParams,
      querystring: listQuery,
      response: { 200: listResponse, 400: errorBody, 404: errorBody },
    },
  }, async (req) => {
    const { round, authority } = await loadRoundForAuthority(ctx, actorOf(req), req.params.roundId);
    const q = req.query;
    const { rows, total, counts } = await listForAuthority(ctx.db, authority, round, q, ctx.now());
    return { total, page: q.page, pageSize: q.pageSize, items: rows.map((r) => presentListItem(ctx, r)), counts };
  });

  app.get('/applications/:id', {
    schema: { tags: ['authority'], summary: '申报书详情（完整联系人信息，查看记入日志）', params: idParams, response: { 200: detailView, 404: errorBody } },
  }, async (req) => presentAuthorityDetail(ctx, await viewApplication(ctx, actorOf(req), req.params.id)));

  app.get('/applications/:id/files/:fileId', {
    schema: {
      tags: ['authority'],
      summary: '下载或预览附件（?inline=1 在浏览器中预览PDF）',
      params: fileParams,
      querystring: z.object({ inline: z.enum(['0', '1'], 'inline 应为0或1').optional() }),
      response: { 200: z.unknown().describe('文件内容'), 404: errorBody },
    },
  }, async (req, reply) => {
    const loaded = await loadApplicationForAuthority(ctx, actorOf(req), req.params.id);
    const file = await findFile(ctx.db, loaded.application.id, req.params.fileId);
    const size = await ctx.files.size(file.storageKey).catch(() => null);
    if (size === null) throw new AppError('NOT_FOUND', '文件内容不存在');
    // Only PDFs open in the browser; everything else is always a download.
    const inline = req.query.inline === '1' && file.kind === 'pdf';
    const disposition = attachmentDisposition(file.originalName);
    return reply
      .header('content-type', contentTypeOf(file.kind))
      .header('content-length', size)
      .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(ctx.files.open(file.storageKey));
  });

  app.get('/applications/:id/pdf', {
    schema: { tags: ['authority'], summary: '导出PDF申报书（当前提交版本，含本级推荐意见）', params: idParams, querystring: z.object({ inline: z.enum(['0', '1']).optional() }), response: { 200: z.unknown().describe('PDF 文件'), 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const { pdf, number } = await renderSubmissionPdfForAuthority(ctx, actorOf(req), req.params.id);
    const disposition = attachmentDisposition(`申报书-${number}.pdf`);
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', req.query.inline === '1' ? disposition.replace(/^attachment/, 'inline') : disposition)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
  });

  await app.register(reviewActionRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
};
