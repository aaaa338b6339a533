import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { ExpertListQuery, ExpertListResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { experts, users } from '../../db/schema/index.js';
import { rowsOf } from '../../db/rows.js';
import { poolRegionOf } from './poolRegion.js';
import { presentExpert } from './presentExpert.js';
import { regionNames } from './regionNames.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The actor's pool, a page at a time, filtered by field of expertise, category, state or a keyword. */
export async function listExperts(ctx: AppContext, actor: Actor, query: ExpertListQuery): Promise<ExpertListResponse> {
  const pool = poolRegionOf(actor);
  const where: SQL[] = [eq(experts.poolRegion, pool)];
  if (query.field) where.push(sql`${experts.fields} @> ${JSON.stringify([query.field])}::jsonb`);
  // An expert without categories reviews every category.
  if (query.category) where.push(or(sql`${experts.categories} @> ${JSON.stringify([query.category])}::jsonb`, sql`jsonb_array_length(${experts.categories}) = 0`)!);
  if (query.active !== 'all') where.push(eq(experts.active, query.active === 'true'));
  if (query.q) {
    const k = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(experts.name, k), ilike(users.username, k), ilike(experts.employerName, k))!);
  }
  const condition = and(...where);
  const [counted] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(experts).innerJoin(users, eq(users.id, experts.userId)).where(condition);
  const rows = await ctx.db
    .select({ expert: experts, user: users })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(condition)
    .orderBy(desc(experts.active), desc(experts.createdAt), asc(experts.userId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const fieldRows = rowsOf<{ field: string }>(
    await ctx.db.execute(sql`select distinct jsonb_array_elements_text(${experts.fields}) as field from ${experts} where ${experts.poolRegion} = ${pool} order by 1`),
  );
  const names = await regionNames(ctx.db, rows.map((r) => r.expert.regionCode));
  return {
    items: rows.map((r) => presentExpert(ctx, r, names)),
    total: counted?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    fieldOptions: fieldRows.map((r) => r.field),
  };
}
