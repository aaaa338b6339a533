import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, lte, eq } from 'drizzle-orm';
import { roundAcceptsRegion, roundConfigSchema } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { organisations, rounds } from '../../db/schema/index.js';

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
  app.get('/rounds', { schema: { tags: ['rounds'], summary: '正在进行的遴选批次（申报主体：可申报的批次）', response: { 200: z.array(roundView) } } }, async (req) => {
    const rows = await ctx.db.select().from(rounds).where(and(eq(rounds.status, 'open'), lte(rounds.fillingOpensAt, ctx.now()))).orderBy(asc(rounds.fillingClosesAt));
    // Several rounds run at once (the national round and a city's): an applicant sees those its region may enter.
    const region = req.actor?.role === 'applicant' ? await applicantRegion(ctx, req.actor.id) : null;
    const visible = region ? rows.filter((r) => roundAcceptsRegion(r, region)) : rows;
    return visible.map((r) => ({ ...r, fillingOpensAt: r.fillingOpensAt.toISOString(), fillingClosesAt: r.fillingClosesAt.toISOString() }));
  });
};

/** The certified organisation's region (null before certification: every open round is shown). */
async function applicantRegion(ctx: AppContext, userId: string): Promise<string | null> {
  const [org] = await ctx.db.select({ regionCode: organisations.regionCode }).from(organisations).where(eq(organisations.userId, userId)).limit(1);
  return org?.regionCode ?? null;
}
