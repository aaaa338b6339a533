import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DASHBOARD_FIGURES, dashboardResponse } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { loadDashboard } from '../../commands/dashboard/loadDashboard.js';
import { exportFigure } from '../../commands/dashboard/exportFigure.js';
import { attachmentDisposition } from '../uploads/contentDisposition.js';

const errorBody = z.object({ code: z.string(), message: z.string() });
const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });
const figureParams = roundParams.extend({ figure: z.enum(DASHBOARD_FIGURES, { message: '图表不存在' }) });

/**
 * 数据看板 under /api/dashboard: authority accounts, each scoped to its own region by the rule of its
 * application list (visibleToAuthority), in rounds that concern it; organiser figures for the organiser.
 */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('authority'));

  app.get('/rounds/:roundId', {
    schema: { tags: ['dashboard'], summary: '数据看板：一个批次的全部图表数据', params: roundParams, response: { 200: dashboardResponse, 404: errorBody } },
  }, async (req) => loadDashboard(ctx, actorOf(req), req.params.roundId));

  app.get('/rounds/:roundId/:figure.xlsx', {
    schema: { tags: ['dashboard'], summary: '数据看板：下载一个图表的数据（XLSX）', params: figureParams, response: { 200: z.unknown().describe('文件内容（Content-Disposition: attachment）'), 404: errorBody } },
  }, async (req, reply) => {
    const file = await exportFigure(ctx, actorOf(req), req.params.roundId, req.params.figure);
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', attachmentDisposition(file.filename))
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(file.body);
  });
};
