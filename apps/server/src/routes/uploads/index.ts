import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { tusRoutes } from './tusRoutes.js';
import { fileRoutes } from './fileRoutes.js';

/** Resumable uploads (tus, /uploads) and the files of an application (/applications/:id/files). */
export const uploadRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(tusRoutes, { ctx });
  await app.register(fileRoutes, { ctx });
};
