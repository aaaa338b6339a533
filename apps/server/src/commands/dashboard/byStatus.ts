import { and, count, eq, isNull, like, sql } from 'drizzle-orm';
import { regionPrefix, reviewLevelsOf, type DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications, reviews } from '../../db/schema/index.js';
import type { DashboardScope } from './scope.js';

export const STATUS_LABELS = {
  draft: '草稿（未提交）',
  submitted: '已提交待审核',
  checked: '审核通过',
  returned: '已退回',
  recommended: '本级已推荐',
  recommendedAbove: '上级已推荐',
} as const;
type StatusKey = keyof typeof STATUS_LABELS;

/**
 * Where the applications stand for this authority: drafts in its region not yet submitted (only at the
 * round's first review level, the one the applicants submit to), then each submitted one it sees by the
 * furthest step reached — recommended by a level above, recommended here, returned, checked, or waiting.
 */
export async function byStatus(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const { authority, round } = scope;
  const levels = reviewLevelsOf(round.config);
  const above = levels.slice(levels.indexOf(authority.level) + 1);
  const aboveList = above.length ? sql.join(above.map((l) => sql`${l}`), sql`, `) : null;
  const recommendedAbove = aboveList
    ? sql`exists (select 1 from ${reviews} r2 where r2.application_id = ${applications.id} and r2.level in (${aboveList}) and r2.recommended = true)`
    : sql`false`;
  const stage = sql<StatusKey>`case
    when ${recommendedAbove} then 'recommendedAbove'
    when ${reviews.recommended} then 'recommended'
    when ${reviews.checkStatus} = 'returned' then 'returned'
    when ${reviews.checkStatus} = 'passed' then 'checked'
    else 'submitted' end`;
  const rows = await db
    .select({ stage, n: count() })
    .from(applications)
    .leftJoin(reviews, and(eq(reviews.applicationId, applications.id), eq(reviews.reviewerRegion, authority.regionCode)))
    .where(scope.visible)
    // By position: the expression carries bound parameters, so repeating it would not match the select.
    .groupBy(sql`1`);
  const counts = new Map<StatusKey, number>(rows.map((r) => [r.stage, Number(r.n)]));
  if (levels[0] === authority.level) {
    const prefix = regionPrefix(authority.regionCode);
    const [drafts] = await db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.roundId, round.id), isNull(applications.currentNumber), prefix ? like(applications.regionCode, `${prefix}%`) : undefined));
    counts.set('draft', Number(drafts?.n ?? 0));
  }
  const keys = (Object.keys(STATUS_LABELS) as StatusKey[]).filter((k) => (k !== 'draft' || counts.has(k)) && (k !== 'recommendedAbove' || above.length > 0));
  return {
    key: 'status',
    title: '申报状态',
    chart: 'bar',
    axis: '状态',
    labels: keys.map((k) => STATUS_LABELS[k]),
    series: [{ name: '申报书数', data: keys.map((k) => counts.get(k) ?? 0) }],
  };
}
