import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { requireRole } from '../../plugins/session.js';
import { reviewRoutes } from './review.js';
import { recommendationRoutes } from './recommendation.js';

/** Everything under /api/authority: authority accounts only; each route scopes by visibleToAuthority. */
export const authorityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('authority'));
  await app.register(reviewRoutes, { ctx });
  await app.register(recommendationRoutes, { ctx });
};
