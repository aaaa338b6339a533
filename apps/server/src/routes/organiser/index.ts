import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { requireRole } from '../../plugins/session.js';
import { organiserRoundRoutes } from './rounds.js';
import { expertPoolRoutes } from './experts.js';
import { assignmentRoutes } from './assignments.js';
import { rankingRoutes } from './ranking.js';
import { decisionRoutes } from './decisions.js';
import { inspectionRoutes } from './inspections.js';
import { noticeAdminRoutes } from './notice.js';
import { unitAdminRoutes } from './units.js';

/**
 * Stages 4 and 5 of a round, run by its organiser (policies/organiser.ts decides who that is for each
 * round; every route loads the round through loadRoundForOrganiser).
 */
export const organiserRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('authority', 'admin'));
  await app.register(organiserRoundRoutes, { ctx });
  await app.register(expertPoolRoutes, { ctx });
  await app.register(assignmentRoutes, { ctx });
  await app.register(rankingRoutes, { ctx });
  await app.register(decisionRoutes, { ctx });
  await app.register(inspectionRoutes, { ctx });
  await app.register(noticeAdminRoutes, { ctx });
  await app.register(unitAdminRoutes, { ctx });
};
