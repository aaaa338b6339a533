import type { Actor, AppContext } from '../../context.js';
import { renderFigureXlsx } from './figureXlsx.js';
import { loadFigure } from './loadDashboard.js';

/** One dashboard figure as an XLSX table: the same numbers as the chart. */
export async function exportFigure(ctx: AppContext, actor: Actor, roundId: string, key: string) {
  const { scope, figure } = await loadFigure(ctx, actor, roundId, key);
  const heading = `${scope.round.name}（${scope.authority.regionCode}）`;
  const body = await renderFigureXlsx(figure, { heading, now: ctx.now() });
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${figure.title}-${scope.round.code}.xlsx`,
  };
}
