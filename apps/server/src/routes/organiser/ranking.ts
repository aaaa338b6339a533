import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rankingResponse } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { loadRanking } from '../../commands/ranking/loadRanking.js';
import { exportRanking } from '../../commands/ranking/exportRanking.js';
import { attachmentDisposition } from '../uploads/contentDisposition.js';

const errorBody = z.object({ code: z.string(), message: z.string() });
const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });

/** Scores aggregated side by side (mean, trimmed mean, normalised) and the ranking per category. */
export const rankingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/rounds/:roundId/ranking', {
    schema: { tags: ['organiser'], summary: '评审结果汇总与分类排名', params: roundParams, response: { 200: rankingResponse, 404: errorBody } },
  }, async (req) => loadRanking(ctx, actorOf(req), req.params.roundId));

  app.get('/rounds/:roundId/ranking.xlsx', {
    schema: { tags: ['organiser'], summary: '导出评审结果汇总（XLSX）', params: roundParams, response: { 200: z.unknown().describe('文件内容（Content-Disposition: attachment）'), 404: errorBody } },
  }, async (req, reply) => {
    const file = await exportRanking(ctx, actorOf(req), req.params.roundId);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', attachmentDisposition(file.filename))
      .header('Cache-Control', 'no-store')
      .send(file.body);
  });
};
