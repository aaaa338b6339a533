import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRoundBody, organiserRoundsResponse, organiserRoundView, roundTransitionBody, updateRoundBody } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { listOrganiserRounds, presentRounds } from '../../commands/rounds/listOrganiserRounds.js';
import { mayCreateRounds, templatesFor } from '../../commands/rounds/templatesFor.js';
import { createRound } from '../../commands/rounds/createRound.js';
import { updateRound } from '../../commands/rounds/updateRound.js';
import { changeRoundStatus } from '../../commands/rounds/changeRoundStatus.js';

const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });
const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });

/** The organiser's rounds: create from a template, edit settings and stage dates, move the status on. */
export const organiserRoundRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['organiser'];
  const presentOne = async (row: Parameters<typeof presentRounds>[1][number]) => (await presentRounds(ctx, [row]))[0]!;

  app.get('/rounds', {
    schema: { tags, summary: '本单位组织的遴选批次，以及本级可用的批次模板', response: { 200: organiserRoundsResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return { rounds: await listOrganiserRounds(ctx, actor), templates: templatesFor(actor), canCreate: mayCreateRounds(actor) };
  });

  app.post('/rounds', {
    schema: { tags, summary: '创建遴选批次（草稿）：从模板或自定义设置', body: createRoundBody, response: { 200: organiserRoundView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => presentOne(await createRound(ctx, actorOf(req), req.body)));

  app.get('/rounds/:roundId', {
    schema: { tags, summary: '遴选批次设置', params: roundParams, response: { 200: organiserRoundView, 404: errorBody } },
  }, async (req) => presentOne(await loadRoundForOrganiser(ctx, actorOf(req), req.params.roundId)));

  app.patch('/rounds/:roundId', {
    schema: { tags, summary: '修改遴选批次（名称、日期、设置；已有申报后类别、模式、表单版本锁定）', params: roundParams, body: updateRoundBody, response: { 200: organiserRoundView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => presentOne(await updateRound(ctx, actorOf(req), req.params.roundId, req.body)));

  app.post('/rounds/:roundId/status', {
    schema: { tags, summary: '推进批次状态：开放填报、结束填报、进入评审', params: roundParams, body: roundTransitionBody, response: { 200: organiserRoundView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => presentOne(await changeRoundStatus(ctx, actorOf(req), req.params.roundId, req.body.to)));
};
