import { count, sql } from 'drizzle-orm';
import { modesOf, type Category, type DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';

/**
 * Applications by declared mode (服务型制造模式). Grouped in SQL by kind and chosen modes; which field
 * holds the modes, and the modes a round fixes, are the form's business (modesOf), applied per group.
 * An application declaring several modes counts once under each.
 */
export async function byMode(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const modes = sql<unknown>`${applications.data}->'modes'`;
  const rows = await db
    .select({ category: applications.category, subType: applications.subType, modes, n: count() })
    .from(applications)
    .where(scope.visible)
    .groupBy(applications.category, applications.subType, modes);
  const totals = new Map<string, number>();
  for (const r of rows) {
    // modesOther is left out on purpose: the chart groups every 其他创新模式 together.
    const declared = modesOf(r.category as Category, { modes: r.modes }, { round: scope.round.config, subType: r.subType });
    for (const m of new Set(declared)) totals.set(m, (totals.get(m) ?? 0) + Number(r.n));
  }
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  return {
    key: 'mode',
    title: '申报数量（按服务型制造模式）',
    chart: 'bar',
    axis: '模式',
    labels: sorted.map(([m]) => m),
    series: [{ name: '申报数', data: sorted.map(([, n]) => n) }],
    note: sorted.length ? '一份申报书选择多个模式时，每个模式各计一次' : undefined,
  };
}
