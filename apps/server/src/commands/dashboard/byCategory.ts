import { count } from 'drizzle-orm';
import { CATEGORIES, categoryTitle, type Category, type DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';

/** Applications the authority sees, by category and sub-type (示范企业, 示范平台（共享制造类）…). */
export async function byCategory(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const rows = await db
    .select({ category: applications.category, subType: applications.subType, n: count() })
    .from(applications)
    .where(scope.visible)
    .groupBy(applications.category, applications.subType);
  const order = (c: string) => CATEGORIES.indexOf(c as Category);
  rows.sort((a, b) => order(a.category) - order(b.category) || (a.subType ?? '').localeCompare(b.subType ?? ''));
  return {
    key: 'category',
    title: '申报数量（按类别）',
    chart: 'pie',
    axis: '类别',
    labels: rows.map((r) => categoryTitle(r.category as Category, r.subType)),
    series: [{ name: '申报数', data: rows.map((r) => Number(r.n)) }],
  };
}
