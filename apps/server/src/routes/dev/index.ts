import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';

export const devRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async () => {};
