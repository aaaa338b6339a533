import { aggregate, categoryTitle, reviewSettingsOf, TIE_BREAK_NOTE, type Category, type RankingGroup, type RankingResponse, type RankingRow } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import type { RoundRow } from '../../policies/organiser.js';
import { loadReviewedApplications, type ReviewedApplication } from './loadReviewedApplications.js';

export type Ranking = RankingResponse & { applications: ReviewedApplication[] };

/** The round's scores aggregated with its own settings (reviewSettingsOf), grouped as its quotas are. */
export async function computeRanking(ctx: { db: DbOrTx }, round: RoundRow): Promise<Ranking> {
  const { applications, sheets, expertNames } = await loadReviewedApplications(ctx, round);
  const options = reviewSettingsOf(round.config).aggregate;
  const result = aggregate(applications, sheets, options);
  const byId = new Map(applications.map((a) => [a.id, a]));
  const aggregates = new Map(result.applications.map((a) => [a.applicationId, a]));
  const expertName = (id: string) => expertNames.get(id) ?? '（专家）';

  const rowOf = (applicationId: string, rank: number | null, tiedWithPrevious: boolean): RankingRow => {
    const app = byId.get(applicationId)!;
    const agg = aggregates.get(applicationId)!;
    return {
      rank,
      tiedWithPrevious,
      applicationId,
      number: app.number,
      name: app.name,
      regionCode: app.regionCode,
      regionName: app.regionName,
      count: agg.count,
      assigned: app.assigned,
      submitted: app.submitted,
      mean: agg.mean,
      trimmedMean: agg.trimmedMean,
      trimmed: agg.trimmed,
      trimNote: agg.trimNote,
      normalised: agg.normalised,
      sd: agg.sd,
      min: agg.min,
      max: agg.max,
      outliers: agg.outliers.map((o) => ({ ...o, expertName: expertName(o.expertId) })),
      highSpread: agg.highSpread,
    };
  };

  const groups: RankingGroup[] = result.rankings.map((g) => ({
    key: g.key,
    category: g.category as Category,
    subType: g.subType,
    title: categoryTitle(g.category as Category, g.subType),
    rows: [...g.entries.map((e) => rowOf(e.applicationId, e.rank, e.tiedWithPrevious)), ...g.unscored.map((id) => rowOf(id, null, false))],
  }));

  return {
    round: { id: round.id, code: round.code, name: round.name },
    rankBy: options.rankBy,
    highSpreadSd: options.highSpreadSd,
    tieBreakNote: TIE_BREAK_NOTE,
    scale: result.scale,
    groups,
    experts: result.experts.map((e) => ({ ...e, name: expertName(e.expertId) })),
    applications,
  };
}
