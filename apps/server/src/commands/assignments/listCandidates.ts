import { and, eq, sql } from 'drizzle-orm';
import { findConflicts, reviewSettingsOf, type AssignmentCandidatesResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { experts, reviewAssignments } from '../../db/schema/index.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { regionNames } from '../experts/regionNames.js';
import { assignmentRowState } from './assignmentRowState.js';
import { loadPairApplication } from './loadPairApplication.js';
import { capOf, expertRef } from './presentRefs.js';

/** Every active expert of the pool for one application, with load, cap, conflicts and the pair's state: the manual-assign dialog. */
export async function listCandidates(ctx: AppContext, actor: Actor, roundId: string, applicationId: string): Promise<AssignmentCandidatesResponse> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const app = await loadPairApplication(ctx.db, round, applicationId);
  const settings = reviewSettingsOf(round.config);
  const pool = await ctx.db.select().from(experts).where(and(eq(experts.poolRegion, round.organiserRegion), eq(experts.active, true)));
  const loads = await ctx.db
    .select({ expertId: reviewAssignments.expertId, n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.roundId, round.id), eq(reviewAssignments.status, 'assigned')))
    .groupBy(reviewAssignments.expertId);
  const loadOf = new Map(loads.map((l) => [l.expertId, l.n]));
  const pairs = await ctx.db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, app.id));
  const stateOf = new Map(pairs.map((p) => [p.expertId, assignmentRowState(p)]));
  const names = await regionNames(ctx.db, [app.regionCode]);
  const options = { sameRegionExcluded: settings.sameRegionExcluded, regionName: (c: string) => names.get(c) };
  const candidates = pool.map((e) => ({
    ...expertRef(e),
    load: loadOf.get(e.userId) ?? 0,
    cap: capOf(e, settings.maxPerExpert),
    conflicts: findConflicts(
      { id: e.userId, employerUscc: e.employerUscc, employerName: e.employerName, employerLegalRepresentative: e.employerLegalRepresentative, regionCode: e.regionCode, declaredConflicts: e.declaredConflicts },
      { id: app.id, uscc: app.uscc, name: app.name, legalRepresentative: app.legalRepresentative, regionCode: app.regionCode },
      options,
    ),
    state: stateOf.get(e.userId) ?? null,
    reviewsCategory: e.categories.length === 0 || e.categories.includes(app.category),
  }));
  // Free and fitting experts first, then by load.
  const rank = (c: (typeof candidates)[number]) => (c.state ? 2 : 0) + (c.conflicts.length || !c.reviewsCategory ? 1 : 0);
  candidates.sort((a, b) => rank(a) - rank(b) || a.load - b.load || a.name.localeCompare(b.name, 'zh'));
  return { candidates };
}
