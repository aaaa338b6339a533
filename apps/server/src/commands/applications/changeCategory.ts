import { and, eq, sql } from 'drizzle-orm';
import type { Category, Entry } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, submissions } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { assertApplicantMay } from '../../policies/application.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { assertCategoryAllowed } from './startApplication.js';

/** Changes category/sub-type; only before the first submit (the category is locked after it). */
export async function changeCategory(ctx: AppContext, actor: Actor, id: string, opts: { category: Category; subType?: string | null }) {
  const loaded = await loadApplicationFor(ctx, actor, id);
  assertApplicantMay(loaded, 'save', ctx.now());
  const { application, organisation, round } = loaded;
  const [{ n } = { n: 0 }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(submissions).where(eq(submissions.applicationId, id));
  if (n > 0) throw new AppError('STATUS_CONFLICT', '申报书提交后不能更改申报类别');
  assertCategoryAllowed({ entry: organisation.entry as Entry, roundCategories: round.config.categories, category: opts.category, subType: opts.subType });
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(applications)
      .set({ category: opts.category, subType: opts.subType ?? null, version: sql`${applications.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(applications.id, id), eq(applications.status, 'draft')))
      .returning();
    if (!updated) throw new AppError('STATUS_CONFLICT', '申报书提交后不能更改申报类别');
    await recordAudit(tx, { actorId: actor.id, action: 'application.category', subjectType: 'application', subjectId: id, regionCode: application.regionCode, detail: { from: [application.category, application.subType], to: [opts.category, opts.subType ?? null] }, ip: actor.ip });
    return updated;
  });
}
