import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, lte, eq } from 'drizzle-orm';
import { roundConfigSchema } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { rounds } from '../../db/schema/index.js';

export const roundView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  status: z.string(),
  fillingOpensAt: z.string(),
  fillingClosesAt: z.string(),
  config: roundConfigSchema,
});

export const roundRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/rounds', { schema: { tags: ['rounds'], summary: '正在进行的遴选批次', response: { 200: z.array(roundView) } } }, async () => {
    const rows = await ctx.db.select().from(rounds).where(and(eq(rounds.status, 'open'), lte(rounds.fillingOpensAt, ctx.now()))).orderBy(asc(rounds.fillingClosesAt));
    return rows.map((r) => ({ ...r, fillingOpensAt: r.fillingOpensAt.toISOString(), fillingClosesAt: r.fillingClosesAt.toISOString() }));
  });
};
