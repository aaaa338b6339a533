import { LEVEL_LABELS, type DashboardFigure, type DashboardFigureKey, type DashboardResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { findRegion } from '../../db/queries/regions.js';
import { notFound } from '../../errors.js';
import { applicationTrend } from './applicationTrend.js';
import { byCategory } from './byCategory.js';
import { byMode } from './byMode.js';
import { byStatus } from './byStatus.js';
import { bySubRegion } from './bySubRegion.js';
import { decisions } from './decisions.js';
import { grades } from './grades.js';
import { quotaUse } from './quota.js';
import { reviewProgress } from './reviewProgress.js';
import { loadDashboardScope, type DashboardScope } from './scope.js';
import { unitTrend } from './unitTrend.js';

type FigureQuery = (db: DbOrTx, scope: DashboardScope) => Promise<DashboardFigure>;

/** Every figure in display order; `organiserOnly` ones belong to the round's organiser. */
const FIGURES: { key: DashboardFigureKey; query: FigureQuery; organiserOnly?: boolean }[] = [
  { key: 'category', query: byCategory },
  { key: 'mode', query: byMode },
  { key: 'subRegion', query: bySubRegion },
  { key: 'status', query: byStatus },
  { key: 'quota', query: quotaUse },
  { key: 'reviewProgress', query: reviewProgress, organiserOnly: true },
  { key: 'decisions', query: decisions, organiserOnly: true },
  { key: 'grades', query: grades },
  { key: 'applicationTrend', query: applicationTrend },
  { key: 'unitTrend', query: unitTrend },
];

function figuresFor(scope: DashboardScope) {
  return FIGURES.filter((f) => !f.organiserOnly || scope.organiser);
}

/** The whole dashboard of one round for one authority. */
export async function loadDashboard(ctx: AppContext, actor: Actor, roundId: string): Promise<DashboardResponse> {
  const scope = await loadDashboardScope(ctx, actor, roundId);
  const figures = [];
  for (const f of figuresFor(scope)) figures.push(await f.query(ctx.db, scope));
  const region = await findRegion(ctx.db, scope.authority.regionCode);
  const { round } = scope;
  return {
    round: { id: round.id, code: round.code, name: round.name, year: round.year },
    scope: { regionCode: scope.authority.regionCode, regionName: region?.name ?? scope.authority.regionCode, levelLabel: LEVEL_LABELS[scope.authority.level], organiser: scope.organiser },
    figures,
  };
}

/** One figure (404 for a figure the caller has no dashboard card for). */
export async function loadFigure(ctx: AppContext, actor: Actor, roundId: string, key: string) {
  const scope = await loadDashboardScope(ctx, actor, roundId);
  const entry = figuresFor(scope).find((f) => f.key === key);
  if (!entry) throw notFound('图表');
  return { scope, figure: await entry.query(ctx.db, scope) };
}
