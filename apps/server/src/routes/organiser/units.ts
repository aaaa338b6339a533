import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';

/** Demonstration units of the organiser's territory: history import, list, revocation proposals. */
export const unitAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async () => {};
