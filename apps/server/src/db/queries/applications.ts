import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { activeReopening, isRegionClosed } from './closures.js';
import { applications, organisations, rounds } from '../schema/index.js';
import { notFound } from '../../errors.js';

/**
 * Loads an application as the actor may see it. Applicants see only their own organisation's;
 * missing and foreign ids both answer 404, so ids of others cannot be probed.
 * (Authorities' region scoping joins here with their issue.)
 */
export async function loadApplicationFor(ctx: Pick<AppContext, 'db' | 'now'>, actor: Actor, id: string) {
  const db = ctx.db;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('申报书');
  const rows = await db
    .select({ application: applications, organisation: organisations, round: rounds })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .where(and(eq(applications.id, id), eq(organisations.userId, actor.id)))
    .limit(1);
  const row = rows[0];
  if (!row || actor.role !== 'applicant') throw notFound('申报书');
  // Whether the region's authority has closed applications, and what a reopening lets through.
  const [closed, reopening] = await Promise.all([
    isRegionClosed(db, row.round.id, row.application.regionCode),
    activeReopening(db, row.application.id, ctx.now()),
  ]);
  return { ...row, closed, reopening };
}
export type LoadedApplication = Awaited<ReturnType<typeof loadApplicationFor>>;
