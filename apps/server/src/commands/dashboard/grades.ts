import { and, count, isNotNull } from 'drizzle-orm';
import type { DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { unitEvaluations } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';
import { inRegion } from './regionScope.js';

const GRADES = [
  ['excellent', '优秀'],
  ['qualified', '合格'],
  ['basic', '基本合格'],
] as const;

/** Graded evaluations of the demonstration units in the authority's region, per year. */
export async function grades(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const rows = await db
    .select({ year: unitEvaluations.year, grade: unitEvaluations.grade, n: count() })
    .from(unitEvaluations)
    .where(and(inRegion(unitEvaluations.regionCode, scope.authority.regionCode), isNotNull(unitEvaluations.grade)))
    .groupBy(unitEvaluations.year, unitEvaluations.grade)
    .orderBy(unitEvaluations.year);
  const years = [...new Set(rows.map((r) => r.year))];
  const of = (year: number, grade: string) => Number(rows.find((r) => r.year === year && r.grade === grade)?.n ?? 0);
  return {
    key: 'grades',
    title: '评估评价等次（按年度）',
    chart: 'stackedBar',
    axis: '年度',
    labels: years.map(String),
    series: GRADES.map(([g, name]) => ({ name, data: years.map((y) => of(y, g)) })),
    note: rows.length ? undefined : '本地区尚无评估评价等次',
  };
}
