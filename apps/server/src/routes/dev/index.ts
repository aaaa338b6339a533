import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { desc } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { smsOutbox } from '../../db/schema/index.js';

/** Development only (DEV_OUTBOX): the local SMS outbox, where testers read their codes. */
export const devRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/dev/outbox', {
    schema: { tags: ['dev'], summary: '短信发件箱（仅开发环境）', response: { 200: z.array(z.object({ id: z.string(), mobileMasked: z.string(), text: z.string(), createdAt: z.string() })) } },
  }, async () => {
    const rows = await ctx.db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(100);
    return rows.map((r) => ({ id: r.id, mobileMasked: r.mobileMasked, text: r.text, createdAt: r.createdAt.toISOString() }));
  });
};
