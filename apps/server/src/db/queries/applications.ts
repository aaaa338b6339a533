import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { applications, organisations, reopenings, rounds } from '../schema/index.js';
import { notFound } from '../../errors.js';
import type { Db } from '../client.js';
import { prepared } from '../prepared.js';

/**
 * Whether the round is closed for the application's region, by its own region or any above it: the
 * rule of isRegionClosed (closures.ts, regionChain) written over the row, so the load stays one query.
 */
const regionClosed = sql<boolean>`exists (
  select 1 from region_closures rc
  where rc.round_id = ${applications.roundId} and rc.undone_at is null
    and rc.region_code in (${applications.regionCode}, left(${applications.regionCode}, 4) || '00', left(${applications.regionCode}, 2) || '0000', '000000'))`;

const applicationForApplicant = (db: Db) =>
  db
    .select({ application: applications, organisation: organisations, round: rounds, reopening: reopenings, closed: regionClosed })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .leftJoin(reopenings, and(eq(reopenings.applicationId, applications.id), isNull(reopenings.closedAt), gt(reopenings.expiresAt, sql.placeholder('now'))))
    .where(and(eq(applications.id, sql.placeholder('id')), eq(organisations.userId, sql.placeholder('userId'))))
    .orderBy(desc(reopenings.openedAt))
    .limit(1)
    .prepare('application_for_applicant');

/**
 * Loads an application as the actor may see it. Applicants see only their own organisation's;
 * missing and foreign ids both answer 404, so ids of others cannot be probed.
 * One round trip (every autosave starts here): the application with its organisation and round,
 * whether its region is closed, and the reopening in force now (the latest, if several).
 */
export async function loadApplicationFor(ctx: Pick<AppContext, 'db' | 'now'>, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id) || actor.role !== 'applicant') throw notFound('申报书');
  const rows = await prepared(ctx.db, 'application_for_applicant', applicationForApplicant).execute({ id, userId: actor.id, now: ctx.now().toISOString() });
  const row = rows[0];
  if (!row) throw notFound('申报书');
  return { application: row.application, organisation: row.organisation, round: row.round, closed: !!row.closed, reopening: row.reopening ?? null };
}
export type LoadedApplication = Awaited<ReturnType<typeof loadApplicationFor>>;
