import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { closeRegion } from '../../commands/review/closeRegion.js';
import { undoRegionClose } from '../../commands/review/undoRegionClose.js';
import { reopenApplication } from '../../commands/review/reopenApplication.js';
import { closeReopening } from '../../commands/review/closeReopening.js';
import { checkApplication } from '../../commands/review/checkApplication.js';
import { saveOpinion } from '../../commands/review/saveOpinion.js';
import { checkPaper } from '../../commands/review/checkPaper.js';
import { presentAuthorityRound } from '../../presenters/authorityRound.js';
import { presentMyReview, presentReopeningOf } from '../../presenters/authorityApplication.js';
import {
  authorityRoundView,
  checkBody,
  errorBody,
  idParams,
  myReviewView,
  opinionBody,
  paperBody,
  paperResponse,
  reopenBody,
  reopeningParams,
  reopeningView,
  roundParams,
} from './reviewSchemas.js';

/** The authorities' state changes of the review: closing, reopening, checking, opinion, paper check. */
export const reviewActionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['authority'];

  app.post('/rounds/:roundId/close', {
    schema: { tags, summary: '申报截止（本地区全部类别）', params: roundParams, response: { 200: authorityRoundView, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const { round, authority } = await closeRegion(ctx, actorOf(req), req.params.roundId);
    return presentAuthorityRound(ctx, authority, round);
  });

  app.post('/rounds/:roundId/undo-close', {
    schema: { tags, summary: '撤销申报截止（尚无推荐时）', params: roundParams, response: { 200: authorityRoundView, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const { round, authority } = await undoRegionClose(ctx, actorOf(req), req.params.roundId);
    return presentAuthorityRound(ctx, authority, round);
  });

  app.post('/applications/:id/reopen', {
    schema: { tags, summary: '临时重新开放一个申报单位（原因、期限、范围）', params: idParams, body: reopenBody, response: { 200: reopeningView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const row = await reopenApplication(ctx, actorOf(req), req.params.id, req.body);
    return presentReopeningOf(ctx, row, ctx.now());
  });

  app.post('/reopenings/:id/close', {
    schema: { tags, summary: '结束重新开放', params: reopeningParams, response: { 200: reopeningView, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const row = await closeReopening(ctx, actorOf(req), req.params.id);
    return presentReopeningOf(ctx, row, ctx.now());
  });

  app.post('/applications/:id/check', {
    schema: { tags, summary: '形式审查：通过或退回（退回须写原因）', params: idParams, body: checkBody, response: { 200: myReviewView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => presentMyReview(await checkApplication(ctx, actorOf(req), req.params.id, req.body))!);

  app.put('/applications/:id/opinion', {
    schema: { tags, summary: '填写推荐意见（打印在PDF申报书中）', params: idParams, body: opinionBody, response: { 200: myReviewView, 400: errorBody, 404: errorBody } },
  }, async (req) => presentMyReview(await saveOpinion(ctx, actorOf(req), req.params.id, req.body))!);

  app.post('/paper', {
    schema: { tags, summary: '纸质材料核对：输入或扫描申报编号', body: paperBody, response: { 200: paperResponse, 400: errorBody, 404: errorBody } },
  }, async (req) => checkPaper(ctx, actorOf(req), req.body));
};
