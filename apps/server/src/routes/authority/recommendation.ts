import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';

export const recommendationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async () => {};
