import type { Actor, AppContext } from '../../context.js';
import { recordAudit } from '../../services/audit.js';
import { renderRankingXlsx } from '../../services/xlsx/rankingTable.js';
import { loadRanking } from './loadRanking.js';

/** The ranking as an XLSX file; the download is logged (scores are confidential until the decision). */
export async function exportRanking(ctx: AppContext, actor: Actor, roundId: string) {
  const ranking = await loadRanking(ctx, actor, roundId);
  const body = await renderRankingXlsx(ranking, { now: ctx.now() });
  await recordAudit(ctx.db, {
    actorId: actor.id,
    action: 'ranking.export',
    subjectType: 'round',
    subjectId: roundId,
    regionCode: actor.regionCode,
    detail: { rows: ranking.groups.reduce((s, g) => s + g.rows.length, 0) },
    ip: actor.ip,
  });
  return { body, filename: `${ranking.round.name}-评审结果汇总.xlsx` };
}
