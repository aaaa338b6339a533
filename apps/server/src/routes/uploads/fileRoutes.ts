import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileView } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { findFile, listFiles } from '../../db/queries/files.js';
import { deleteFile } from '../../commands/uploads/deleteFile.js';
import { contentTypeOf } from '../../services/files/fileType.js';
import { attachmentDisposition } from './contentDisposition.js';
import { presentFile } from '../../presenters/application.js';

const errorBody = z.object({ code: z.string(), message: z.string() });
const applicationParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** Listing, downloading and deleting an application's files; ids of others answer 404. */
export const fileRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Any logged-in role: what each role may see is decided by loadApplicationFor's scoping.
  app.get('/applications/:id/files', {
    preHandler: requireRole(),
    schema: { tags: ['uploads'], summary: '申报书的附件列表', params: applicationParams, response: { 200: z.array(fileView), 404: errorBody } },
  }, async (req) => {
    const loaded = await loadApplicationFor(ctx, actorOf(req), req.params.id);
    return (await listFiles(ctx.db, loaded.application.id)).map(presentFile);
  });

  app.get('/applications/:id/files/:fileId/download', {
    preHandler: requireRole(),
    schema: {
      tags: ['uploads'],
      summary: '下载附件',
      params: fileParams,
      response: { 200: z.unknown().describe('文件内容（Content-Disposition: attachment）'), 404: errorBody },
    },
  }, async (req, reply) => {
    const loaded = await loadApplicationFor(ctx, actorOf(req), req.params.id);
    const file = await findFile(ctx.db, loaded.application.id, req.params.fileId);
    const size = await ctx.files.size(file.storageKey).catch(() => null);
    if (size === null) throw new AppError('NOT_FOUND', '文件内容不存在，请重新上传');
    return reply
      .header('content-type', contentTypeOf(file.kind))
      .header('content-length', size)
      .header('content-disposition', attachmentDisposition(file.originalName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(ctx.files.open(file.storageKey));
  });

  app.delete('/applications/:id/files/:fileId', {
    preHandler: requireRole('applicant'),
    schema: { tags: ['uploads'], summary: '删除附件（仅可编辑时）', params: fileParams, response: { 204: z.null(), 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    await deleteFile(ctx, { actor: actorOf(req), applicationId: req.params.id, fileId: req.params.fileId });
    return reply.status(204).send(null);
  });
};
