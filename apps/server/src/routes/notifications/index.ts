import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationList } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { listMyNotifications } from './listMyNotifications.js';
import { markNotificationsRead } from './markRead.js';

const errorBody = z.object({ code: z.string(), message: z.string() });

/** A user's own notifications (in-app), marked read. Only released ones: pending notices are the organiser's. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('applicant', 'authority', 'expert', 'admin'));

  app.get('/', {
    schema: { tags: ['notifications'], summary: '我的消息（含未读数）', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: notificationList } },
  }, async (req) => listMyNotifications(ctx, actorOf(req), req.query.limit));

  app.post('/read', {
    schema: {
      tags: ['notifications'],
      summary: '标记为已读（不传编号则全部已读）',
      body: z.object({ ids: z.array(z.string().uuid()).max(200).optional() }),
      response: { 200: z.object({ marked: z.number() }), 400: errorBody },
    },
  }, async (req) => markNotificationsRead(ctx, actorOf(req), req.body.ids));
};
