import { desc, eq, inArray, isNotNull, sql, count } from 'drizzle-orm';
import { COUNTRY, type OrganiserRoundView } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, regions, rounds } from '../../db/schema/index.js';
import { presentOrganiserRound } from '../../presenters/organiserRound.js';

type RoundRow = typeof rounds.$inferSelect;

/** The organiser's name for display: the ministry, or the region's name. */
export async function organiserNames(ctx: Pick<AppContext, 'db'>, codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>([[COUNTRY, '工业和信息化部']]);
  const others = [...new Set(codes.filter((c) => c !== COUNTRY))];
  if (others.length) for (const r of await ctx.db.select().from(regions).where(inArray(regions.code, others))) names.set(r.code, r.name);
  return names;
}

/** Presents rounds with their application counts and organiser names (one query each). */
export async function presentRounds(ctx: Pick<AppContext, 'db' | 'now'>, rows: RoundRow[]): Promise<OrganiserRoundView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [counts, names] = await Promise.all([
    ctx.db
      .select({ roundId: applications.roundId, started: count(), submitted: sql<number>`count(*) filter (where ${isNotNull(applications.currentNumber)})` })
      .from(applications)
      .where(inArray(applications.roundId, ids))
      .groupBy(applications.roundId),
    organiserNames(ctx, rows.map((r) => r.organiserRegion)),
  ]);
  const byRound = new Map(counts.map((c) => [c.roundId, { started: Number(c.started), submitted: Number(c.submitted) }]));
  const now = ctx.now();
  return rows.map((r) => presentOrganiserRound(r, { ...(byRound.get(r.id) ?? { started: 0, submitted: 0 }), organiserName: names.get(r.organiserRegion) ?? null, now }));
}

/** The rounds the actor organises (an administrator: every round), newest first. */
export async function listOrganiserRounds(ctx: Pick<AppContext, 'db' | 'now'>, actor: Actor): Promise<OrganiserRoundView[]> {
  if (actor.role !== 'admin' && (actor.role !== 'authority' || !actor.regionCode)) return [];
  const query = ctx.db.select().from(rounds);
  const rows = await (actor.role === 'admin' ? query : query.where(eq(rounds.organiserRegion, actor.regionCode!))).orderBy(desc(rounds.createdAt));
  return presentRounds(ctx, rows);
}
