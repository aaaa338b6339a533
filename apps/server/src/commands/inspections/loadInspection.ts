import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { applications, siteInspections } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { loadRoundForOrganiser, reachedOrganiser, type RoundRow } from '../../policies/organiser.js';

export type InspectionRow = typeof siteInspections.$inferSelect;

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** An application of the round that reached its organiser; 404 for any other, so nothing leaks. */
export async function loadReachedApplication(ctx: Pick<AppContext, 'db'>, round: RoundRow, applicationId: string) {
  if (!isUuid(applicationId)) throw notFound('申报');
  const [row] = await ctx.db
    .select({ id: applications.id, regionCode: applications.regionCode })
    .from(applications)
    .where(and(eq(applications.id, applicationId), reachedOrganiser(round)))
    .limit(1);
  if (!row) throw notFound('申报');
  return row;
}

/**
 * One inspection of a round the actor organises. The application must still be one that reached the
 * organiser (a recommendation withdrawn below takes the inspection out of reach too).
 */
export async function loadInspection(ctx: Pick<AppContext, 'db'>, actor: Actor, roundId: string, inspectionId: string) {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  if (!isUuid(inspectionId)) throw notFound('考察记录');
  const [inspection] = await ctx.db
    .select()
    .from(siteInspections)
    .where(and(eq(siteInspections.id, inspectionId), eq(siteInspections.roundId, round.id)))
    .limit(1);
  if (!inspection) throw notFound('考察记录');
  const application = await loadReachedApplication(ctx, round, inspection.applicationId).catch(() => {
    throw notFound('考察记录');
  });
  return { round, inspection, application };
}
