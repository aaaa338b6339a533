import { count, eq, sql } from 'drizzle-orm';
import type { DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { reviewAssignments } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';

const STEPS = [
  ['waiting', '已分配待声明'],
  ['declared', '已声明无利害关系'],
  ['submitted', '已提交评分'],
  ['declined', '回避'],
  ['withdrawn', '已撤回'],
] as const;
type Step = (typeof STEPS)[number][0];

/** The organiser's expert review: assignments by how far each has come. */
export async function reviewProgress(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const step = sql<Step>`case
    when ${reviewAssignments.status} <> 'assigned' then ${reviewAssignments.status}
    when ${reviewAssignments.submittedAt} is not null then 'submitted'
    when ${reviewAssignments.noConflictDeclaredAt} is not null then 'declared'
    else 'waiting' end`;
  const rows = await db.select({ step, n: count() }).from(reviewAssignments).where(eq(reviewAssignments.roundId, scope.round.id)).groupBy(step);
  const counts = new Map(rows.map((r) => [r.step, Number(r.n)]));
  return {
    key: 'reviewProgress',
    title: '专家评审进度',
    chart: 'pie',
    axis: '评审任务状态',
    labels: STEPS.map(([, label]) => label),
    series: [{ name: '评审任务数', data: STEPS.map(([k]) => counts.get(k) ?? 0) }],
  };
}
