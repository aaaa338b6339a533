import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORIES, OBJECTION_STATUSES, answerObjectionBody, noticeBody } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { noticeOverview } from '../../commands/notice/noticeOverview.js';
import { createNotice } from '../../commands/notice/createNotice.js';
import { updateNotice } from '../../commands/notice/updateNotice.js';
import { answerObjection } from '../../commands/notice/answerObjection.js';
import { publishNotice } from '../../commands/notice/publishNotice.js';
import { revealObjectionContact } from '../../commands/notice/revealObjectionContact.js';
import { isoDates } from '../public/dates.js';
import { errorBody, phase } from '../public/schemas.js';

const roundParams = z.object({ roundId: z.string().uuid('批次编号格式不正确') });
const idParams = z.object({ id: z.string().uuid('编号格式不正确') });

const overview = z.object({
  round: z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string(), noticeDays: z.number().nullable() }),
  /** Released selected decisions: what a new notice would list. */
  releasedSelected: z.number(),
  notice: z
    .object({
      id: z.string(),
      title: z.string(),
      body: z.string().nullable(),
      contactInfo: z.string().nullable(),
      startsAt: z.string(),
      endsAt: z.string(),
      publishedAt: z.string().nullable(),
      phase,
      editable: z.boolean(),
    })
    .nullable(),
  entries: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      name: z.string(),
      category: z.enum(CATEGORIES),
      subType: z.string().nullable(),
      mode: z.string().nullable(),
      regionCode: z.string(),
      regionName: z.string(),
      withdrawnAt: z.string().nullable(),
      withdrawReason: z.string().nullable(),
    }),
  ),
  objections: z.array(
    z.object({
      id: z.string(),
      receipt: z.string(),
      entryId: z.string().nullable(),
      entryName: z.string().nullable(),
      text: z.string(),
      contactName: z.string(),
      contactMasked: z.string(),
      status: z.enum(OBJECTION_STATUSES),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** What publication waits for. */
  checks: z.object({ windowEnded: z.boolean(), openObjections: z.number(), published: z.boolean(), units: z.number(), canPublish: z.boolean() }).nullable(),
  now: z.string(),
});

/** The public notice (公示) from the released decisions, objections handled and answered, publication (发布). */
export const noticeAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['organiser'];
  const view = async (actor: ReturnType<typeof actorOf>, roundId: string) => isoDates(await noticeOverview(ctx, actor, roundId));

  app.get('/rounds/:roundId/notice', {
    schema: { tags, summary: '公示与发布：公示、名单、异议、发布条件', params: roundParams, response: { 200: overview, 404: errorBody } },
  }, async (req) => view(actorOf(req), req.params.roundId));

  app.post('/rounds/:roundId/notice', {
    schema: { tags, summary: '按已发布的拟入选名单创建公示（默认公示期取批次设置）', params: roundParams, body: noticeBody, response: { 200: overview, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const actor = actorOf(req);
    await createNotice(ctx, actor, req.params.roundId, req.body);
    return view(actor, req.params.roundId);
  });

  app.put('/rounds/:roundId/notice', {
    schema: { tags, summary: '修改公示（开始前）', params: roundParams, body: noticeBody, response: { 200: overview, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const actor = actorOf(req);
    await updateNotice(ctx, actor, req.params.roundId, req.body);
    return view(actor, req.params.roundId);
  });

  app.post('/rounds/:roundId/notice/publish', {
    schema: { tags, summary: '发布名单（公示期结束且异议均已处理）：生成示范单位', params: roundParams, response: { 200: overview, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const actor = actorOf(req);
    await publishNotice(ctx, actor, req.params.roundId);
    return view(actor, req.params.roundId);
  });

  app.post('/objections/:id/answer', {
    schema: { tags, summary: '答复异议：成立（撤销该单位）或不成立', params: idParams, body: answerObjectionBody, response: { 200: z.object({ status: z.enum(OBJECTION_STATUSES), withdrawn: z.boolean() }), 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const { objection, withdrawn } = await answerObjection(ctx, actorOf(req), req.params.id, req.body);
    return { status: objection.status as (typeof OBJECTION_STATUSES)[number], withdrawn };
  });

  app.get('/objections/:id/contact', {
    schema: { tags, summary: '查看异议人完整联系方式（记入审计日志）', params: idParams, response: { 200: z.object({ name: z.string(), contact: z.string() }), 404: errorBody } },
  }, async (req, reply) => {
    reply.header('Cache-Control', 'no-store');
    return revealObjectionContact(ctx, actorOf(req), req.params.id);
  });
};
