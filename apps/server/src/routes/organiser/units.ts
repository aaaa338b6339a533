import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { onRequestHookHandler } from 'fastify';
import { z } from 'zod';
import {
  confirmRevocationBody,
  dismissRevocationBody,
  revocationDecisionView,
  revocationProposalsResponse,
  revocationYearQuery,
  UNIT_IMPORT_MAX_BYTES,
  unitAdminPage,
  unitAdminQuery,
  unitImportCommitQuery,
  unitImportPreview,
  unitImportQuery,
  unitImportResult,
} from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { AppError } from '../../errors.js';
import { errorBody } from '../authority/reviewSchemas.js';
import { listUnits } from '../../commands/units/listUnits.js';
import { previewImport } from '../../commands/units/previewImport.js';
import { commitImport } from '../../commands/units/commitImport.js';
import { listRevocationProposals } from '../../commands/units/listRevocationProposals.js';
import { decideRevocation } from '../../commands/units/decideRevocation.js';
import { unitTerritoryOf } from '../../commands/units/territory.js';

const tags = ['organiser'];
const unitParams = z.object({ id: z.uuid('示范单位编号格式不正确') });
/** The import file comes as the raw body (one file, no multipart parser needed). */
const RAW = 'application/octet-stream';

/**
 * Demonstration units of the organiser's territory (commands/units/territory.ts decides it): the list,
 * the import of earlier batches, and the revocation proposals of the annual evaluation.
 */
export const unitAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Scoped to this plugin: only the import routes take a raw body, up to the import limit.
  app.addContentTypeParser(RAW, { parseAs: 'buffer', bodyLimit: UNIT_IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));

  // The body is read only after these checks: a caller without the role or a territory never gets 10 MB into memory.
  const beforeBody = [
    requireRole('authority', 'admin') as unknown as onRequestHookHandler,
    (async (req) => {
      unitTerritoryOf(actorOf(req));
    }) as onRequestHookHandler,
  ];
  const fileOf = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_FILE', '请以 application/octet-stream 上传文件内容');
    return body;
  };

  app.get('/units', {
    schema: { tags, summary: '本辖区示范单位（分页；按类别、地区、批次、年份、状态、名称筛选；含是否已对应申报账号）', querystring: unitAdminQuery, response: { 200: unitAdminPage, 400: errorBody, 403: errorBody } },
  }, async (req) => listUnits(ctx, actorOf(req), req.query));

  app.post('/units/import/preview', {
    onRequest: beforeBody,
    bodyLimit: UNIT_IMPORT_MAX_BYTES,
    schema: {
      tags,
      summary: '导入历史示范单位：预览（请求体为 .xlsx 或 .csv 文件内容，Content-Type: application/octet-stream，不超过10MB；逐行报告，不写入）',
      querystring: unitImportQuery,
      response: { 200: unitImportPreview, 400: errorBody, 403: errorBody, 413: errorBody, 415: errorBody },
    },
  }, async (req) => previewImport(ctx, actorOf(req), req.query.filename, fileOf(req.body)));

  app.post('/units/import/commit', {
    onRequest: beforeBody,
    bodyLimit: UNIT_IMPORT_MAX_BYTES,
    schema: {
      tags,
      summary: '导入历史示范单位：确认（再次发送预览过的文件及预览凭据；已存在的跳过，辖区外的拒绝；审计）',
      querystring: unitImportCommitQuery,
      response: { 200: unitImportResult, 400: errorBody, 403: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
    },
  }, async (req) => commitImport(ctx, actorOf(req), req.query.filename, fileOf(req.body), req.query.token));

  app.get('/units/revocations/proposals', {
    schema: { tags, summary: '撤销建议（连续三年基本合格，或经营状态为吊销、注销、停业、清算）', querystring: revocationYearQuery, response: { 200: revocationProposalsResponse, 400: errorBody, 403: errorBody } },
  }, async (req) => listRevocationProposals(ctx, actorOf(req), req.query.year));

  app.post('/units/:id/revocation/confirm', {
    schema: { tags, summary: '确认撤销示范称号（公开名单不再列出；审计）', params: unitParams, body: confirmRevocationBody, response: { 200: revocationDecisionView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => decideRevocation(ctx, actorOf(req), req.params.id, 'confirmed', req.body));

  app.post('/units/:id/revocation/dismiss', {
    schema: { tags, summary: '不予撤销（须填写理由；审计）', params: unitParams, body: dismissRevocationBody, response: { 200: revocationDecisionView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => decideRevocation(ctx, actorOf(req), req.params.id, 'dismissed', req.body));
};
