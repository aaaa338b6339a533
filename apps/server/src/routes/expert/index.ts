import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { expertRoundView, expertRoundTasksView } from '@fw/shared';
import { listMyRounds } from '../../commands/expertReview/listMyRounds.js';
import { listMyTasks } from '../../commands/expertReview/listMyTasks.js';
import { errorBody, roundParams } from './params.js';
import { assignmentRoutes } from './assignments.js';
import { contentRoutes } from './content.js';

/** An expert's own work: assigned applications in the expert's order, conflict declaration, score sheets. */
export const expertRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('expert'));

  app.get('/rounds', {
    schema: { tags: ['expert'], summary: '我的评审批次（含进度）', response: { 200: z.array(expertRoundView) } },
  }, async (req) => listMyRounds(ctx, actorOf(req)));

  app.get('/rounds/:roundId/assignments', {
    schema: {
      tags: ['expert'],
      summary: '本批次我的评审任务（按本人的随机顺序；声明前只显示申报单位和类别）',
      params: roundParams,
      response: { 200: expertRoundTasksView, 404: errorBody },
    },
  }, async (req) => listMyTasks(ctx, actorOf(req), req.params.roundId));

  await app.register(assignmentRoutes, { ctx });
  await app.register(contentRoutes, { ctx });
};
