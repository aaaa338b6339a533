import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { databaseVersion } from '../../db/client.js';

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.object({ mode: z.enum(['pglite', 'postgres']), version: z.string() }), time: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: { mode: ctx.dbMode, version: await databaseVersion(ctx.db) }, time: ctx.now().toISOString() }),
  );
};
