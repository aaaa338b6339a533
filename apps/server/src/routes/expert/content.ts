import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expertApplicationView } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { AppError } from '../../errors.js';
import { contentTypeOf } from '../../services/files/fileType.js';
import { attachmentDisposition } from '../uploads/contentDisposition.js';
import { loadSubmittedContent } from '../../commands/expertReview/loadSubmittedContent.js';
import { findAssignmentFile } from '../../commands/expertReview/openAssignmentFile.js';
import { renderPdfForExpert } from '../../commands/expertReview/renderPdfForExpert.js';
import { presentExpertApplication } from '../../presenters/expertApplication.js';
import { assignmentParams, errorBody, fileParams, inlineQuery } from './params.js';

/** PDFs may open in the browser when asked; everything else is always a download. */
function disposition(name: string, inline: boolean): string {
  const d = attachmentDisposition(name);
  return inline ? d.replace(/^attachment/, 'inline') : d;
}

/** The submitted application of a declared task: read-only content, its files and its PDF book. */
export const contentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/assignments/:id/application', {
    schema: {
      tags: ['expert'],
      summary: '申报材料（提交版本，只读；需先声明无利益冲突；不含联系人手机和邮箱）',
      params: assignmentParams,
      response: { 200: expertApplicationView, 403: errorBody, 404: errorBody },
    },
  }, async (req) => presentExpertApplication(ctx, await loadSubmittedContent(ctx, actorOf(req), req.params.id)));

  app.get('/assignments/:id/files/:fileId', {
    schema: {
      tags: ['expert'],
      summary: '下载或预览申报附件（?inline=1 在浏览器中预览PDF）',
      params: fileParams,
      querystring: inlineQuery,
      response: { 200: z.unknown().describe('文件内容'), 403: errorBody, 404: errorBody },
    },
  }, async (req, reply) => {
    const file = await findAssignmentFile(ctx, actorOf(req), req.params.id, req.params.fileId);
    const size = await ctx.files.size(file.storageKey).catch(() => null);
    if (size === null) throw new AppError('NOT_FOUND', '文件内容不存在');
    return reply
      .header('content-type', contentTypeOf(file.kind))
      .header('content-length', size)
      .header('content-disposition', disposition(file.originalName, req.query.inline === '1' && file.kind === 'pdf'))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(ctx.files.open(file.storageKey));
  });

  app.get('/assignments/:id/pdf', {
    schema: {
      tags: ['expert'],
      summary: 'PDF申报书（提交版本，评审专家版不含联系人手机和邮箱）',
      params: assignmentParams,
      querystring: inlineQuery,
      response: { 200: z.unknown().describe('PDF 文件'), 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req, reply) => {
    const { pdf, number } = await renderPdfForExpert(ctx, actorOf(req), req.params.id);
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', disposition(`申报书-${number}.pdf`, req.query.inline === '1'))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
  });
};
