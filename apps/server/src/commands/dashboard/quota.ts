import { categoryTitle, reviewLevelsOf, type DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { quotaUsage } from '../recommendation/quota.js';
import type { DashboardScope } from './scope.js';

/** The authority's own recommendation places: used against the cap, per quota rule of its level. */
export async function quotaUse(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  // The last review level decides rather than recommends: it has no places to use.
  const last = reviewLevelsOf(scope.round.config).at(-1) === scope.authority.level;
  const usage = last ? [] : await quotaUsage(db, scope.round, scope.authority.regionCode);
  return {
    key: 'quota',
    title: '推荐名额使用',
    chart: 'bar',
    axis: '名额类别',
    labels: usage.map((u) => categoryTitle(u.category, u.subType)),
    series: [
      { name: '已推荐', data: usage.map((u) => u.used) },
      { name: '名额', data: usage.map((u) => u.max) },
    ],
    note: last ? '本级为最终审核层级，不向上推荐' : usage.length ? undefined : '本批次未对本级设置推荐名额',
  };
}
