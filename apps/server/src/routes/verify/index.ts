import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { categoryTitle, type Category } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { applications, organisations, submissions } from '../../db/schema/index.js';

/** Hides the middle of a name on the public page: enough to match a paper copy, not to list applicants. */
export function maskName(name: string): string {
  if (name.length <= 6) return name.slice(0, 2) + '*'.repeat(Math.max(1, name.length - 2));
  return name.slice(0, 4) + '*'.repeat(Math.min(6, name.length - 8 > 0 ? name.length - 8 : 2)) + name.slice(-4);
}

export const verifyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/verify/:number', {
    schema: {
      tags: ['public'],
      summary: '核验申报编号是否为该单位的最新提交版本（公开）',
      params: z.object({ number: z.string().trim().toUpperCase().max(32) }),
      response: { 200: z.object({ number: z.string(), exists: z.boolean(), current: z.boolean(), organisationName: z.string().optional(), categoryTitle: z.string().optional(), submittedAt: z.string().optional(), currentNumber: z.string().nullable().optional() }) },
    },
  }, async (req) => {
    const number = req.params.number;
    const [row] = await ctx.db
      .select({ s: submissions, a: applications, orgName: organisations.name })
      .from(submissions)
      .innerJoin(applications, eq(applications.id, submissions.applicationId))
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(and(eq(submissions.number, number)))
      .limit(1);
    if (!row) return { number, exists: false, current: false };
    const snap = row.s.snapshot as { category: Category; subType: string | null };
    return {
      number,
      exists: true,
      current: row.s.status === 'current',
      organisationName: maskName(row.orgName ?? ''),
      categoryTitle: categoryTitle(snap.category, snap.subType),
      submittedAt: row.s.submittedAt.toISOString(),
      currentNumber: row.a.currentNumber,
    };
  });
};
