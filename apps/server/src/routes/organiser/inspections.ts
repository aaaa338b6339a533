import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { onRequestHookHandler } from 'fastify';
import { z } from 'zod';
import {
  INSPECTION_FILE_MAX_BYTES,
  INSPECTION_RESULTS,
  inspectionFileView,
  inspectionListResponse,
  inspectionView,
  recordInspectionResultSchema,
  scheduleInspectionSchema,
  updateInspectionSchema,
} from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { AppError } from '../../errors.js';
import { contentTypeOf } from '../../services/files/fileType.js';
import { attachmentDisposition } from '../uploads/contentDisposition.js';
import { listInspections, presentOne } from '../../commands/inspections/listInspections.js';
import { scheduleInspection } from '../../commands/inspections/scheduleInspection.js';
import { updateInspection } from '../../commands/inspections/updateInspection.js';
import { recordInspectionResult } from '../../commands/inspections/recordInspectionResult.js';
import { uploadInspectionFile } from '../../commands/inspections/uploadInspectionFile.js';
import { findInspectionFile } from '../../commands/inspections/inspectionFile.js';
import { deleteInspectionFile } from '../../commands/inspections/deleteInspectionFile.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';

const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });
const inspectionParams = roundParams.extend({ id: z.string().uuid('考察编号格式不正确') });
const fileParams = inspectionParams.extend({ fileId: z.string().uuid('文件编号格式不正确') });
/** Attachments come as the raw body (no multipart parser needed for one small file). */
const RAW = 'application/octet-stream';

/** Site inspections (现场考察): schedule, inspectors, findings, attachments, result. */
export const inspectionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Scoped to this plugin: only the attachment route accepts a raw body, up to the attachment limit.
  app.addContentTypeParser(RAW, { parseAs: 'buffer', bodyLimit: INSPECTION_FILE_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.get('/rounds/:roundId/inspections', {
    schema: {
      tags: ['organiser'],
      summary: '现场考察列表（含可安排考察的申报与本单位专家库）',
      params: roundParams,
      querystring: z.object({ result: z.enum(INSPECTION_RESULTS, '考察结论不正确').optional() }),
      response: { 200: inspectionListResponse, 404: errorBody },
    },
  }, async (req) => listInspections(ctx, actorOf(req), req.params.roundId, req.query));

  app.post('/rounds/:roundId/inspections', {
    schema: { tags: ['organiser'], summary: '安排现场考察（审计）', params: roundParams, body: scheduleInspectionSchema, response: { 201: inspectionView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const row = await scheduleInspection(ctx, actor, req.params.roundId, req.body);
    const round = await loadRoundForOrganiser(ctx, actor, req.params.roundId);
    return reply.status(201).send(await presentOne(ctx, round, row));
  });

  app.patch('/rounds/:roundId/inspections/:id', {
    schema: { tags: ['organiser'], summary: '修改考察安排（日期、地点、考察人员；审计）', params: inspectionParams, body: updateInspectionSchema, response: { 200: inspectionView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await updateInspection(ctx, actor, req.params.roundId, req.params.id, req.body);
    return presentOne(ctx, await loadRoundForOrganiser(ctx, actor, req.params.roundId), row);
  });

  app.put('/rounds/:roundId/inspections/:id/result', {
    schema: { tags: ['organiser'], summary: '记录考察发现与结论（不通过、有条件通过须填写发现；审计）', params: inspectionParams, body: recordInspectionResultSchema, response: { 200: inspectionView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await recordInspectionResult(ctx, actor, req.params.roundId, req.params.id, req.body);
    return presentOne(ctx, await loadRoundForOrganiser(ctx, actor, req.params.roundId), row);
  });

  app.post('/rounds/:roundId/inspections/:id/files', {
    // The body is read only after this check: a caller without the role never gets 20 MB into memory.
    onRequest: requireRole('authority', 'admin') as unknown as onRequestHookHandler,
    bodyLimit: INSPECTION_FILE_MAX_BYTES,
    schema: {
      tags: ['organiser'],
      summary: '上传考察附件（请求体为文件内容，Content-Type: application/octet-stream；jpg/pdf/docx/doc，不超过20MB；审计）',
      params: inspectionParams,
      querystring: z.object({ filename: z.string().min(1, '请提供文件名') }),
      response: { 201: inspectionFileView, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
    },
  }, async (req, reply) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_FILE', '请以 application/octet-stream 上传文件内容');
    const row = await uploadInspectionFile(ctx, actorOf(req), { roundId: req.params.roundId, inspectionId: req.params.id, filename: req.query.filename, bytes: req.body });
    return reply.status(201).send({ id: row.id, name: row.originalName, size: row.size, kind: row.kind, flags: row.flags, createdAt: row.createdAt.toISOString() });
  });

  app.get('/rounds/:roundId/inspections/:id/files/:fileId', {
    schema: { tags: ['organiser'], summary: '下载考察附件', params: fileParams, response: { 200: z.unknown().describe('文件内容（Content-Disposition: attachment）'), 404: errorBody } },
  }, async (req, reply) => {
    const { file } = await findInspectionFile(ctx, actorOf(req), req.params.roundId, req.params.id, req.params.fileId);
    const size = await ctx.files.size(file.storageKey).catch(() => null);
    if (size === null) throw new AppError('NOT_FOUND', '文件内容不存在');
    return reply
      .header('content-type', contentTypeOf(file.kind))
      .header('content-length', size)
      .header('content-disposition', attachmentDisposition(file.originalName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(ctx.files.open(file.storageKey));
  });

  app.delete('/rounds/:roundId/inspections/:id/files/:fileId', {
    schema: { tags: ['organiser'], summary: '删除考察附件（审计）', params: fileParams, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    await deleteInspectionFile(ctx, actorOf(req), req.params.roundId, req.params.id, req.params.fileId);
    return reply.status(204).send(null);
  });
};
