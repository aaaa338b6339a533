import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORIES, maskEmail, maskMobile } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { loadSummary } from '../../commands/recommendation/loadSummary.js';
import { exportSummary } from '../../commands/recommendation/exportSummary.js';
import { attachmentDisposition } from '../uploads/contentDisposition.js';

const errorBody = z.object({ code: z.string(), message: z.string() });
const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });
const filterQuery = z.object({ category: z.enum(CATEGORIES).optional(), subType: z.string().max(16).optional() });
const exportQuery = filterQuery.extend({ preparer: z.string().max(50).optional(), phone: z.string().max(30).optional() });

const summaryRow = z.object({
  seq: z.number(),
  applicationId: z.string(),
  category: z.enum(CATEGORIES),
  subType: z.string().nullable(),
  organisationName: z.string(),
  modes: z.array(z.string()),
  contactName: z.string(),
  contactMobile: z.string(),
  contactEmail: z.string(),
  serviceKind: z.string().optional(),
  subTypeLabel: z.string().optional(),
  number: z.string(),
});

/** 汇总查看 and the 推荐汇总表 downloads (XLSX, PDF) of the authority's own recommendations. */
export const summaryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/rounds/:roundId/summary', {
    schema: {
      tags: ['authority'],
      summary: '推荐汇总（按类别、推荐顺序）',
      params: roundParams,
      querystring: filterQuery,
      response: { 200: z.object({ authority: z.string(), preparer: z.string(), phone: z.string(), rows: z.array(summaryRow) }), 404: errorBody },
    },
  }, async (req) => {
    const s = await loadSummary(ctx, actorOf(req), req.params.roundId, req.query);
    // A list on screen: the contact's mobile and e-mail masked; the exported table (audited) carries them in full.
    const rows = s.sections.flatMap((x) => x.rows).map((r) => ({ ...r, contactMobile: r.contactMobile && maskMobile(r.contactMobile), contactEmail: r.contactEmail && maskEmail(r.contactEmail) }));
    return { authority: s.authority, preparer: s.preparer, phone: s.phone, rows };
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/rounds/:roundId/summary.${format}`, {
      schema: { tags: ['authority'], summary: `导出推荐汇总表（${format.toUpperCase()}）`, params: roundParams, querystring: exportQuery, response: { 200: z.unknown().describe('文件内容（Content-Disposition: attachment）'), 404: errorBody } },
    }, async (req, reply) => {
      const file = await exportSummary(ctx, actorOf(req), req.params.roundId, { ...req.query, format });
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', attachmentDisposition(file.filename))
        .header('Cache-Control', 'no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.body);
    });
  }
};
