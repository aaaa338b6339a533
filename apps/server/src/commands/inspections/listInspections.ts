import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { beijingDay, INSPECTION_RESULTS, type InspectionListResponse, type InspectionView } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, experts, organisations, siteInspections } from '../../db/schema/index.js';
import { loadRoundForOrganiser, reachedOrganiser, type RoundRow } from '../../policies/organiser.js';
import { notFound } from '../../errors.js';
import { regionNames } from '../../presenters/authorityApplication.js';
import { attachmentsOf, presentInspection, type InspectedApplication } from './presentInspection.js';
import type { InspectionRow } from './loadInspection.js';

/** The applications that reached the organiser, as the inspection pages name them. */
async function reachedApplications(ctx: Pick<AppContext, 'db'>, round: RoundRow, only?: string): Promise<InspectedApplication[]> {
  const rows = await ctx.db
    .select({ id: applications.id, number: applications.currentNumber, name: organisations.name, category: applications.category, subType: applications.subType, regionCode: applications.regionCode })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(only ? and(reachedOrganiser(round), eq(applications.id, only)) : reachedOrganiser(round))
    .orderBy(asc(applications.currentNumber));
  const names = await regionNames(ctx, rows.map((r) => r.regionCode));
  return rows.map((r) => ({ ...r, number: r.number ?? '', name: r.name ?? '（未命名单位）', regionName: names.get(r.regionCode) ?? r.regionCode }));
}

/** One inspection as the organiser sees it (after a change). */
export async function presentOne(ctx: Pick<AppContext, 'db'>, round: RoundRow, row: InspectionRow): Promise<InspectionView> {
  const [app] = await reachedApplications(ctx, round, row.applicationId);
  if (!app) throw notFound('考察记录');
  return presentInspection(row, app, await attachmentsOf(ctx, [row]));
}

/**
 * The round's inspections (of applications that still reach the organiser), optionally of one result;
 * with what the schedule drawer needs: the candidates and the organiser's pool.
 */
export async function listInspections(ctx: Pick<AppContext, 'db' | 'now'>, actor: Actor, roundId: string, filter: { result?: string }): Promise<InspectionListResponse> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const apps = await reachedApplications(ctx, round);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const ids = apps.map((a) => a.id);
  const all = ids.length
    ? await ctx.db
        .select()
        .from(siteInspections)
        .where(and(eq(siteInspections.roundId, round.id), inArray(siteInspections.applicationId, ids)))
        .orderBy(asc(siteInspections.scheduledOn), desc(siteInspections.createdAt))
    : [];
  const open = new Map(all.filter((r) => r.result === 'scheduled').map((r) => [r.applicationId, r.id]));
  const counts: Record<string, number> = Object.fromEntries(INSPECTION_RESULTS.map((r) => [r, 0]));
  for (const r of all) counts[r.result] = (counts[r.result] ?? 0) + 1;
  const rows = filter.result ? all.filter((r) => r.result === filter.result) : all;
  const attachments = await attachmentsOf(ctx, rows);
  const pool = await ctx.db
    .select({ userId: experts.userId, name: experts.name, title: experts.title, employerName: experts.employerName })
    .from(experts)
    .where(and(eq(experts.poolRegion, round.organiserRegion), eq(experts.active, true)))
    .orderBy(asc(experts.name));
  return {
    items: rows.map((r) => presentInspection(r, byId.get(r.applicationId)!, attachments)),
    candidates: apps.map((a) => ({ applicationId: a.id, number: a.number, name: a.name, category: a.category, regionName: a.regionName, openInspectionId: open.get(a.id) ?? null })),
    pool,
    counts,
    today: beijingDay(ctx.now()),
  };
}
