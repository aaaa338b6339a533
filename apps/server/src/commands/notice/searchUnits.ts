import { and, asc, count, desc, eq, ilike, like, sql, type SQL } from 'drizzle-orm';
import { regionPrefix, type Category, type UnitSearchQuery } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { demonstrationUnits } from '../../db/schema/index.js';
import { regionNames } from './regionNames.js';

/** LIKE wildcards typed by a visitor are searched for literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** 示范单位名单: active units (revoked ones leave the public list), searched and paged. */
export async function searchUnits(ctx: AppContext, q: UnitSearchQuery) {
  const where: SQL[] = [eq(demonstrationUnits.status, 'active')];
  if (q.q) where.push(ilike(demonstrationUnits.name, `%${escapeLike(q.q)}%`));
  if (q.category) where.push(eq(demonstrationUnits.category, q.category));
  if (q.region) {
    const prefix = regionPrefix(q.region);
    if (prefix) where.push(like(demonstrationUnits.regionCode, `${prefix}%`));
  }
  if (q.year) where.push(eq(demonstrationUnits.year, q.year));
  if (q.batch) where.push(eq(demonstrationUnits.batch, q.batch));
  const cond = and(...where)!;

  const [total] = await ctx.db.select({ n: count() }).from(demonstrationUnits).where(cond);
  const rows = await ctx.db
    .select()
    .from(demonstrationUnits)
    .where(cond)
    .orderBy(desc(demonstrationUnits.year), asc(demonstrationUnits.category), asc(demonstrationUnits.regionCode), asc(demonstrationUnits.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const names = await regionNames(ctx.db, rows.map((r) => r.regionCode));
  // The filters offer what exists.
  const facets = await ctx.db
    .selectDistinct({ year: demonstrationUnits.year, batch: demonstrationUnits.batch })
    .from(demonstrationUnits)
    .where(eq(demonstrationUnits.status, 'active'))
    .orderBy(sql`1 desc`, sql`2`);
  return {
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((u) => ({
      id: u.id,
      name: u.name,
      category: u.category as Category,
      subType: u.subType,
      mode: u.mode,
      regionName: names.get(u.regionCode) ?? u.regionCode,
      title: u.title,
      batch: u.batch,
      year: u.year,
    })),
    years: [...new Set(facets.map((f) => f.year))],
    batches: [...new Set(facets.map((f) => f.batch))],
  };
}
