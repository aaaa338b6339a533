import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { listAudit, type AuditFilter } from '../../commands/review/listAudit.js';
import { exportAudit } from '../../commands/review/exportAudit.js';
import { attachmentDisposition } from '../uploads/contentDisposition.js';
import { auditQuery, auditResponse, errorBody } from './reviewSchemas.js';

const DAY_MS = 86400_000;

/** Dates are China calendar days; `to` includes its whole day. */
function filterOf(q: z.infer<typeof auditQuery>): AuditFilter {
  return {
    roundId: q.roundId,
    action: q.action || undefined,
    from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY_MS) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The audit log of the authority's region and everything below it. */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/audit', {
    schema: { tags: ['authority'], summary: '操作日志（本地区及下级）', querystring: auditQuery, response: { 200: auditResponse, 400: errorBody } },
  }, async (req) => {
    const f = filterOf(req.query);
    const { total, items } = await listAudit(ctx, actorOf(req), f);
    return { total, page: f.page, pageSize: f.pageSize, items };
  });

  app.get('/audit.xlsx', {
    schema: { tags: ['authority'], summary: '导出操作日志（XLSX）', querystring: auditQuery, response: { 200: z.unknown().describe('XLSX 文件'), 400: errorBody } },
  }, async (req, reply) => {
    const { page: _page, pageSize: _pageSize, ...f } = filterOf(req.query);
    const xlsx = await exportAudit(ctx, actorOf(req), f);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', attachmentDisposition('操作日志.xlsx'))
      .header('Cache-Control', 'private, no-store')
      .send(xlsx);
  });
};
