import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Metadata } from '@tus/server';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { checkUploadStart } from '../../commands/uploads/checkUploadStart.js';
import { assertUploadMayContinue } from '../../commands/uploads/uploadWindow.js';
import { createUploadServer, UPLOAD_RESULT_HEADER, type TusCall } from './tusServer.js';

const errorBody = z.object({ code: z.string(), message: z.string() });

const TUS_DESCRIPTION = [
  'tus 1.0 断点续传（core + creation + termination）。创建时 Upload-Metadata 必须包含 applicationId、slot（narrative | supporting | brochure）、filename，可选 filetype；必须声明 Upload-Length。',
  `上传完成的最后一个 PATCH 响应带 ${UPLOAD_RESULT_HEADER} 头：encodeURIComponent(JSON.stringify(FileView))。`,
  '错误响应体均为 JSON {code, message}。',
].join('\n');

/**
 * The tus endpoint. Every request is authorised here, with Fastify's session and typed errors, and
 * only then handed to the tus server on the raw request (after `reply.hijack()`).
 */
export const tusRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // tus streams PATCH bodies itself; Fastify must leave the raw stream unread (this scope only).
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const tus = createUploadServer(ctx, { path: `${app.prefix}/uploads`, log: app.log });

  const handOver = async (req: FastifyRequest, reply: FastifyReply, call?: TusCall) => {
    if (call) tus.attach(req.raw, call);
    reply.hijack();
    try {
      await tus.server.handle(req.raw, reply.raw);
    } catch (err) {
      req.log.error({ err }, 'tus request failed');
      if (reply.raw.headersSent) reply.raw.destroy();
      else reply.raw.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ code: 'INTERNAL', message: '服务器内部错误，请稍后再试' }));
    }
  };

  // CORS preflight carries no cookie; tus answers it with its capabilities only.
  app.options('/uploads', { schema: { hide: true } }, (req, reply) => handOver(req, reply));
  app.options('/uploads/:uploadId', { schema: { hide: true } }, (req, reply) => handOver(req, reply));

  app.post('/uploads', {
    preHandler: requireRole('applicant'),
    schema: {
      tags: ['uploads'],
      summary: '创建上传（tus）',
      description: TUS_DESCRIPTION,
      headers: z.looseObject({ 'tus-resumable': z.string(), 'upload-length': z.string().optional(), 'upload-metadata': z.string().optional() }),
      response: { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const length = req.headers['upload-length'];
    if (typeof length !== 'string' || !/^\d+$/.test(length)) throw new AppError('VALIDATION', '上传请求须声明文件大小（Upload-Length）');
    let meta: Record<string, string | null>;
    try {
      meta = Metadata.parse(req.headers['upload-metadata'] ?? '');
    } catch {
      throw new AppError('VALIDATION', '上传元数据（Upload-Metadata）格式不正确');
    }
    const accepted = await checkUploadStart(ctx, actor, {
      applicationId: meta.applicationId ?? '',
      slot: meta.slot ?? '',
      filename: meta.filename ?? '',
      size: Number(length),
    });
    await handOver(req, reply, { actor, accepted, startedAt: ctx.now() });
  });

  app.route({
    method: ['HEAD', 'PATCH', 'DELETE'],
    url: '/uploads/:uploadId',
    preHandler: requireRole('applicant'),
    schema: {
      tags: ['uploads'],
      summary: '查询进度（HEAD）、续传（PATCH）、取消（DELETE）一个上传（tus）',
      description: TUS_DESCRIPTION,
      params: z.object({ uploadId: z.string().max(64) }),
      response: { 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      // Another applicant's upload answers exactly like a missing one.
      const meta = await tus.findOwnUpload(req.params.uploadId, actor);
      if (!meta) throw notFound('上传');
      if (req.method === 'PATCH') {
        const loaded = await loadApplicationFor(ctx, actor, meta.applicationId);
        assertUploadMayContinue(loaded, new Date(meta.startedAt), ctx.now());
      }
      await handOver(req, reply, { actor });
    },
  });
};
