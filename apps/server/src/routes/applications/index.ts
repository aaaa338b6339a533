import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import { applicationView, CATEGORIES, APPLICATION_STATUSES, missingItem, saveFieldsBody, startApplicationBody, submitBody } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { applications, organisations, rounds } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { presentApplication } from '../../presenters/application.js';
import { startApplication } from '../../commands/applications/startApplication.js';
import { changeCategory } from '../../commands/applications/changeCategory.js';
import { saveFields } from '../../commands/applications/saveFields.js';
import { submitApplication } from '../../commands/applications/submitApplication.js';
import { renderSubmissionPdf } from '../../commands/applications/renderSubmissionPdf.js';

const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
const idParams = z.object({ id: z.string().uuid('申报书编号格式不正确') });

export const applicationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('applicant'));

  app.get('/applications', {
    schema: {
      tags: ['applications'],
      summary: '我的申报',
      response: { 200: z.array(z.object({ id: z.string(), roundId: z.string(), roundName: z.string(), category: z.enum(CATEGORIES), subType: z.string().nullable(), status: z.enum(APPLICATION_STATUSES), currentNumber: z.string().nullable(), updatedAt: z.string() })) },
    },
  }, async (req) => {
    const rows = await ctx.db
      .select({ a: applications, roundName: rounds.name })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .innerJoin(rounds, eq(rounds.id, applications.roundId))
      .where(eq(organisations.userId, actorOf(req).id))
      .orderBy(desc(applications.updatedAt));
    return rows.map(({ a, roundName }) => ({ id: a.id, roundId: a.roundId, roundName, category: a.category as (typeof CATEGORIES)[number], subType: a.subType, status: a.status as (typeof APPLICATION_STATUSES)[number], currentNumber: a.currentNumber, updatedAt: a.updatedAt.toISOString() }));
  });

  app.post('/applications', { schema: { tags: ['applications'], summary: '开始填报（每批次每单位一份）', body: startApplicationBody, response: { 200: applicationView, 400: errorBody, 409: errorBody } } }, async (req) => {
    const actor = actorOf(req);
    const created = await startApplication(ctx, actor, req.body);
    return presentApplication(ctx, await loadApplicationFor(ctx, actor, created.id));
  });

  app.get('/applications/:id', { schema: { tags: ['applications'], summary: '申报书详情', params: idParams, response: { 200: applicationView, 404: errorBody } } }, async (req) => {
    return presentApplication(ctx, await loadApplicationFor(ctx, actorOf(req), req.params.id));
  });

  app.patch('/applications/:id/fields', {
    schema: {
      tags: ['applications'],
      summary: '保存字段（幂等、带版本号）',
      params: idParams,
      body: saveFieldsBody,
      response: { 200: z.object({ version: z.number(), savedAt: z.string(), status: z.enum(APPLICATION_STATUSES) }), 400: errorBody, 409: errorBody.extend({ currentVersion: z.number().optional() }) },
    },
  }, async (req) => {
    const r = await saveFields(ctx, actorOf(req), req.params.id, req.body);
    return { ...r, savedAt: r.savedAt.toISOString() };
  });

  app.put('/applications/:id/category', {
    schema: { tags: ['applications'], summary: '更改申报类别（首次提交前）', params: idParams, body: startApplicationBody.pick({ category: true, subType: true }), response: { 200: applicationView, 400: errorBody, 409: errorBody } },
  }, async (req) => {
    const actor = actorOf(req);
    await changeCategory(ctx, actor, req.params.id, req.body);
    return presentApplication(ctx, await loadApplicationFor(ctx, actor, req.params.id));
  });

  app.post('/applications/:id/submit', {
    schema: {
      tags: ['applications'],
      summary: '提交申报书并生成申报编号',
      params: idParams,
      body: submitBody,
      response: { 200: z.object({ number: z.string(), submittedAt: z.string() }), 403: errorBody, 409: errorBody, 422: errorBody.extend({ missing: z.array(missingItem) }) },
    },
  }, async (req) => {
    const r = await submitApplication(ctx, actorOf(req), req.params.id, req.body);
    return { number: r.number, submittedAt: r.submittedAt.toISOString() };
  });

  app.get('/applications/:id/pdf', { schema: { tags: ['applications'], summary: '导出PDF申报书（当前提交版本）', params: idParams } }, async (req, reply) => {
    const { pdf, number } = await renderSubmissionPdf(ctx, actorOf(req), req.params.id);
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `attachment; filename="${number}.pdf"; filename*=UTF-8''${encodeURIComponent(`申报书-${number}.pdf`)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .send(pdf);
  });
};
