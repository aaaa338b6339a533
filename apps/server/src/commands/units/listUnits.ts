import { and, asc, count, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { regionPrefix, type Category, type UnitAdminPage, type UnitAdminQuery, type UnitStatus } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { demonstrationUnits } from '../../db/schema/index.js';
import { regionNames } from '../notice/regionNames.js';
import { unitTerritoryOf } from './territory.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Linked at import or publication, or an account certified with the unit's USCC since. */
// Spelled out: drizzle leaves columns unqualified in a single-table select, which a correlated subquery cannot use.
const matched = sql<boolean>`(demonstration_units.organisation_id is not null or exists (select 1 from organisations o where o.uscc = demonstration_units.uscc and o.certified_at is not null))`;

/** The units of the actor's territory, revoked ones included, filtered and paged. */
export async function listUnits(ctx: AppContext, actor: Actor, q: UnitAdminQuery): Promise<UnitAdminPage> {
  const territory = unitTerritoryOf(actor);
  const where: SQL[] = [territory.where];
  if (q.q) {
    const k = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(demonstrationUnits.name, k), ilike(demonstrationUnits.uscc, k))!);
  }
  if (q.category) where.push(eq(demonstrationUnits.category, q.category));
  if (q.region) {
    const prefix = regionPrefix(q.region);
    if (prefix) where.push(like(demonstrationUnits.regionCode, `${prefix}%`));
  }
  if (q.year) where.push(eq(demonstrationUnits.year, q.year));
  if (q.batch) where.push(eq(demonstrationUnits.batch, q.batch));
  if (q.status !== 'all') where.push(eq(demonstrationUnits.status, q.status));
  const cond = and(...where)!;

  const [total, rows, facets] = await Promise.all([
    ctx.db.select({ n: count() }).from(demonstrationUnits).where(cond),
    ctx.db
      .select({ unit: demonstrationUnits, matched })
      .from(demonstrationUnits)
      .where(cond)
      .orderBy(desc(demonstrationUnits.year), asc(demonstrationUnits.category), asc(demonstrationUnits.regionCode), asc(demonstrationUnits.name), asc(demonstrationUnits.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    // The filters offer what the territory holds.
    ctx.db.selectDistinct({ year: demonstrationUnits.year, batch: demonstrationUnits.batch }).from(demonstrationUnits).where(territory.where).orderBy(sql`1 desc`, sql`2`),
  ]);
  const names = await regionNames(ctx.db, rows.map((r) => r.unit.regionCode));
  return {
    total: total[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map(({ unit: u, matched: m }) => ({
      id: u.id,
      name: u.name,
      uscc: u.uscc,
      category: u.category as Category,
      subType: u.subType,
      mode: u.mode,
      regionCode: u.regionCode,
      regionName: names.get(u.regionCode) ?? u.regionCode,
      title: u.title,
      batch: u.batch,
      year: u.year,
      source: u.source,
      status: u.status as UnitStatus,
      revokedAt: u.revokedAt?.toISOString() ?? null,
      revokeReason: u.revokeReason,
      matched: !!m,
    })),
    years: [...new Set(facets.map((f) => f.year))],
    batches: [...new Set(facets.map((f) => f.batch))],
  };
}
