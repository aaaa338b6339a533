import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  decisionCheckBody,
  decisionPreview,
  decisionsResponse,
  editDecisionBody,
  outboxReleaseResult,
  outboxResponse,
  prepareDecisionsBody,
  releaseResult,
  reopenDecisionsBody,
} from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { loadDecisions } from '../../commands/decisions/loadDecisions.js';
import { prepareDecisions } from '../../commands/decisions/prepareDecisions.js';
import { editDecision } from '../../commands/decisions/editDecision.js';
import { previewDecisions } from '../../commands/decisions/previewDecisions.js';
import { releaseDecisions } from '../../commands/decisions/releaseDecisions.js';
import { reopenDecisions } from '../../commands/decisions/reopenDecisions.js';
import { loadOutbox } from '../../commands/decisions/loadOutbox.js';
import { releaseOutbox } from '../../commands/decisions/releaseOutbox.js';

const errorBody = z.object({ code: z.string(), message: z.string() });
const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });
const decisionParams = roundParams.extend({ applicationId: z.string().uuid('申报编号格式不正确') });
const tags = ['organiser'];

/** Decisions prepared, previewed and released together; the notifications outbox the organiser inspects first. */
export const decisionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/rounds/:roundId/decisions', {
    schema: { tags, summary: '拟入选名单（草稿或已发布）', params: roundParams, response: { 200: decisionsResponse, 404: errorBody } },
  }, async (req) => loadDecisions(ctx, actorOf(req), req.params.roundId));

  app.post('/rounds/:roundId/decisions/prepare', {
    schema: { tags, summary: '按排名拟定：每类取前N名入选，其余未入选', params: roundParams, body: prepareDecisionsBody, response: { 200: z.object({ selected: z.number(), notSelected: z.number() }), 404: errorBody, 409: errorBody } },
  }, async (req) => prepareDecisions(ctx, actorOf(req), req.params.roundId, req.body));

  app.put('/rounds/:roundId/decisions/:applicationId', {
    schema: { tags, summary: '调整一个申报的决定', params: decisionParams, body: editDecisionBody, response: { 200: z.object({ applicationId: z.string(), decision: z.string(), rank: z.number().nullable() }), 404: errorBody, 409: errorBody } },
  }, async (req) => editDecision(ctx, actorOf(req), req.params.roundId, req.params.applicationId, req.body));

  app.post('/rounds/:roundId/decisions/preview', {
    schema: { tags, summary: '发布前预览：数量、名单、名额上限检查与提示', params: roundParams, body: decisionCheckBody, response: { 200: decisionPreview, 404: errorBody } },
  }, async (req) => previewDecisions(ctx, actorOf(req), req.params.roundId, req.body.limits));

  app.post('/rounds/:roundId/decisions/release', {
    schema: { tags, summary: '统一发布遴选结果（生成待发送通知）', params: roundParams, body: decisionCheckBody, response: { 200: releaseResult, 404: errorBody, 409: errorBody } },
  }, async (req) => releaseDecisions(ctx, actorOf(req), req.params.roundId, req.body.limits));

  app.post('/rounds/:roundId/decisions/reopen', {
    schema: { tags, summary: '重新开放已发布的结果（撤回未发送的通知）', params: roundParams, body: reopenDecisionsBody, response: { 200: z.object({ reopened: z.number(), withdrawnNotifications: z.number() }), 404: errorBody, 409: errorBody } },
  }, async (req) => reopenDecisions(ctx, actorOf(req), req.params.roundId, req.body.reason));

  app.get('/rounds/:roundId/outbox', {
    schema: { tags, summary: '待发送通知（收件人已脱敏）', params: roundParams, response: { 200: outboxResponse, 404: errorBody } },
  }, async (req) => loadOutbox(ctx, actorOf(req), req.params.roundId));

  app.post('/rounds/:roundId/outbox/release', {
    schema: { tags, summary: '发送待发送通知（站内、短信、邮件）', params: roundParams, response: { 200: outboxReleaseResult, 404: errorBody } },
  }, async (req) => releaseOutbox(ctx, actorOf(req), req.params.roundId, req.log));
};
