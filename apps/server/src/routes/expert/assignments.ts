import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { declareConflictBody, expertAssignmentView, expertSheetView, scoreSheetBody } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { viewAssignment } from '../../commands/expertReview/viewAssignment.js';
import { declareNoConflict } from '../../commands/expertReview/declareNoConflict.js';
import { declareConflict } from '../../commands/expertReview/declareConflict.js';
import { saveScoreDraft } from '../../commands/expertReview/saveScoreDraft.js';
import { submitScoreSheet } from '../../commands/expertReview/submitScoreSheet.js';
import { assignmentParams, errorBody } from './params.js';

/** One task: its header and sheet, the declaration, the draft and the submission. */
export const assignmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/assignments/:id', {
    schema: { tags: ['expert'], summary: '评审任务（评分标准与本人评分表；不含其他专家的评分）', params: assignmentParams, response: { 200: expertAssignmentView, 404: errorBody } },
  }, async (req) => viewAssignment(ctx, actorOf(req), req.params.id));

  app.post('/assignments/:id/no-conflict', {
    schema: { tags: ['expert'], summary: '声明与申报单位无利益冲突（之后才能查看申报材料）', params: assignmentParams, response: { 200: expertAssignmentView, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    await declareNoConflict(ctx, actorOf(req), req.params.id);
    return viewAssignment(ctx, actorOf(req), req.params.id);
  });

  app.post('/assignments/:id/conflict', {
    schema: {
      tags: ['expert'],
      summary: '申请回避（存在利益冲突，填写原因；组织单位另行分配）',
      params: assignmentParams,
      body: declareConflictBody,
      response: { 200: expertAssignmentView, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    await declareConflict(ctx, actorOf(req), req.params.id, req.body);
    return viewAssignment(ctx, actorOf(req), req.params.id);
  });

  app.put('/assignments/:id/score-sheet', {
    schema: {
      tags: ['expert'],
      summary: '保存评分草稿（整表替换，可重复发送；未打分的评分项可留空）',
      params: assignmentParams,
      body: scoreSheetBody,
      response: { 200: expertSheetView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => saveScoreDraft(ctx, actorOf(req), req.params.id, req.body));

  app.post('/assignments/:id/submit', {
    schema: {
      tags: ['expert'],
      summary: '提交评分（每项必填、不超过分值；提交后只读）',
      params: assignmentParams,
      body: scoreSheetBody,
      response: { 200: expertSheetView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => submitScoreSheet(ctx, actorOf(req), req.params.id, req.body));
};
