import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { CATEGORIES, CATEGORY_LABELS, type Category, type DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications, roundDecisions } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';

/** The organiser's decisions by category: selected and not selected, prepared or released. */
export async function decisions(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const released = sql<boolean>`${isNotNull(roundDecisions.releasedAt)}`;
  const rows = await db
    .select({ category: applications.category, decision: roundDecisions.decision, released, n: count() })
    .from(roundDecisions)
    .innerJoin(applications, eq(applications.id, roundDecisions.applicationId))
    .where(eq(roundDecisions.roundId, scope.round.id))
    .groupBy(applications.category, roundDecisions.decision, released);
  const categories = CATEGORIES.filter((c) => rows.some((r) => r.category === c));
  const sum = (c: Category, decision: string, rel: boolean) =>
    rows.filter((r) => r.category === c && r.decision === decision && Boolean(r.released) === rel).reduce((s, r) => s + Number(r.n), 0);
  return {
    key: 'decisions',
    title: '遴选决定',
    chart: 'stackedBar',
    axis: '类别',
    labels: categories.map((c) => CATEGORY_LABELS[c]),
    series: [
      { name: '拟入选（已发布）', data: categories.map((c) => sum(c, 'selected', true)) },
      { name: '拟入选（未发布）', data: categories.map((c) => sum(c, 'selected', false)) },
      { name: '未入选', data: categories.map((c) => sum(c, 'not_selected', true) + sum(c, 'not_selected', false)) },
    ],
    note: rows.length ? undefined : '尚未作出遴选决定',
  };
}
