import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignmentCandidatesQuery,
  assignmentCandidatesResponse,
  assignmentListResponse,
  assignmentOverrideBody,
  assignmentOverrideResponse,
  assignmentPreview,
  commitAssignmentsBody,
  commitAssignmentsResponse,
} from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { previewAssignments } from '../../commands/assignments/previewAssignments.js';
import { commitAssignments } from '../../commands/assignments/commitAssignments.js';
import { overrideAssignment } from '../../commands/assignments/overrideAssignment.js';
import { listAssignments } from '../../commands/assignments/listAssignments.js';
import { listCandidates } from '../../commands/assignments/listCandidates.js';
import { errorBody, roundParams } from '../authority/reviewSchemas.js';

/** Assignment of the applications that reached the organiser to experts, conflicts shown, manual overrides. */
export const assignmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/rounds/:roundId/assignments', {
    schema: { tags: ['organiser'], summary: '专家分配情况（按申报书、按专家；状态：已分配/评审中/已评分/已声明回避/已撤回）', params: roundParams, response: { 200: assignmentListResponse, 404: errorBody } },
  }, async (req) => listAssignments(ctx, actorOf(req), req.params.roundId));

  app.post('/rounds/:roundId/assignments/preview', {
    schema: {
      tags: ['organiser'],
      summary: '预览分配：各专家负担、无法分满的申报书及原因、全部利益冲突及原因（不写入）',
      params: roundParams,
      response: { 200: assignmentPreview, 404: errorBody },
    },
  }, async (req) => previewAssignments(ctx, actorOf(req), req.params.roundId));

  app.post('/rounds/:roundId/assignments/commit', {
    schema: {
      tags: ['organiser'],
      summary: '确认分配（须与预览一致；已开始或已评分的任务保留，只补足缺额）',
      params: roundParams,
      body: commitAssignmentsBody,
      response: { 200: commitAssignmentsResponse, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => commitAssignments(ctx, actorOf(req), req.params.roundId, req.body.planDigest));

  app.get('/rounds/:roundId/assignments/candidates', {
    schema: {
      tags: ['organiser'],
      summary: '人工指定的候选专家（负担、上限、利益冲突及原因）',
      params: roundParams,
      querystring: assignmentCandidatesQuery,
      response: { 200: assignmentCandidatesResponse, 400: errorBody, 404: errorBody },
    },
  }, async (req) => listCandidates(ctx, actorOf(req), req.params.roundId, req.query.applicationId));

  app.post('/rounds/:roundId/assignments/overrides', {
    schema: {
      tags: ['organiser'],
      summary: '人工调整：指定（可忽略已标记的利益冲突，须填写理由）或排除（已评分的不能撤回），记入审计日志',
      params: roundParams,
      body: assignmentOverrideBody,
      response: { 200: assignmentOverrideResponse, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => overrideAssignment(ctx, actorOf(req), req.params.roundId, req.body));
};
