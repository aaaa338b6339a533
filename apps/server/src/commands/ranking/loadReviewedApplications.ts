import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications, experts, organisations, reviewAssignments } from '../../db/schema/index.js';
import { reachedOrganiser, type RoundRow } from '../../policies/organiser.js';
// The full chain (山东省 青岛市 黄岛区), as the notice lists it.
import { regionNames } from '../notice/regionNames.js';

export interface ReviewedApplication {
  id: string;
  number: string;
  name: string;
  category: string;
  subType: string | null;
  regionCode: string;
  regionName: string;
  userId: string;
  /** Experts still on the application (not declined, not withdrawn) and their submitted sheets. */
  assigned: number;
  submitted: number;
}

export interface SubmittedSheet {
  applicationId: string;
  expertId: string;
  total: number;
}

/**
 * What ranking and decisions read: the applications that reached the organiser, and the submitted score
 * sheets of experts still assigned to them (a declined or withdrawn expert's sheet never counts).
 */
export async function loadReviewedApplications(ctx: { db: DbOrTx }, round: RoundRow) {
  const apps = await ctx.db
    .select({
      id: applications.id,
      number: applications.currentNumber,
      category: applications.category,
      subType: applications.subType,
      regionCode: applications.regionCode,
      name: organisations.name,
      userId: organisations.userId,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(reachedOrganiser(round));
  const ids = apps.map((a) => a.id);
  const rows = ids.length
    ? await ctx.db
        .select({ applicationId: reviewAssignments.applicationId, expertId: reviewAssignments.expertId, submittedAt: reviewAssignments.submittedAt, total: reviewAssignments.total })
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.roundId, round.id), eq(reviewAssignments.status, 'assigned'), inArray(reviewAssignments.applicationId, ids)))
    : [];
  const sheets: SubmittedSheet[] = rows.filter((r) => r.submittedAt && r.total !== null).map((r) => ({ applicationId: r.applicationId, expertId: r.expertId, total: r.total! }));
  const names = await regionNames(ctx.db, apps.map((a) => a.regionCode));
  const progress = new Map<string, { assigned: number; submitted: number }>();
  for (const r of rows) {
    const p = progress.get(r.applicationId) ?? { assigned: 0, submitted: 0 };
    p.assigned += 1;
    if (r.submittedAt && r.total !== null) p.submitted += 1;
    progress.set(r.applicationId, p);
  }
  const expertIds = [...new Set(sheets.map((s) => s.expertId))];
  const expertRows = expertIds.length ? await ctx.db.select({ id: experts.userId, name: experts.name }).from(experts).where(inArray(experts.userId, expertIds)) : [];
  const reviewed: ReviewedApplication[] = apps
    .map((a) => ({
      id: a.id,
      number: a.number ?? '',
      name: a.name ?? '（未命名单位）',
      category: a.category,
      subType: a.subType,
      regionCode: a.regionCode,
      regionName: names.get(a.regionCode) ?? a.regionCode,
      userId: a.userId,
      ...(progress.get(a.id) ?? { assigned: 0, submitted: 0 }),
    }))
    .sort((x, y) => (x.number < y.number ? -1 : x.number > y.number ? 1 : 0));
  return { applications: reviewed, sheets, expertNames: new Map(expertRows.map((e) => [e.id, e.name])) };
}
