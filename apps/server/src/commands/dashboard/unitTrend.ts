import { and, count, eq } from 'drizzle-orm';
import { CATEGORIES, CATEGORY_LABELS, type DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { demonstrationUnits } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';
import { inRegion } from './regionScope.js';

/** Demonstration units of the authority's region (active ones) by batch and year, stacked by category. */
export async function unitTrend(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const rows = await db
    .select({ year: demonstrationUnits.year, batch: demonstrationUnits.batch, category: demonstrationUnits.category, n: count() })
    .from(demonstrationUnits)
    .where(and(inRegion(demonstrationUnits.regionCode, scope.authority.regionCode), eq(demonstrationUnits.status, 'active')))
    .groupBy(demonstrationUnits.year, demonstrationUnits.batch, demonstrationUnits.category)
    .orderBy(demonstrationUnits.year, demonstrationUnits.batch);
  const batches = [...new Map(rows.map((r) => [`${r.year} ${r.batch}`, r])).keys()];
  const categories = CATEGORIES.filter((c) => rows.some((r) => r.category === c));
  return {
    key: 'unitTrend',
    title: '示范单位（按批次）',
    chart: 'stackedBar',
    axis: '批次',
    labels: batches,
    series: categories.map((c) => ({
      name: CATEGORY_LABELS[c],
      data: batches.map((b) => rows.filter((r) => r.category === c && `${r.year} ${r.batch}` === b).reduce((s, r) => s + Number(r.n), 0)),
    })),
    note: rows.length ? undefined : '本地区尚无示范单位',
  };
}
