import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';

export const reviewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async () => {};
