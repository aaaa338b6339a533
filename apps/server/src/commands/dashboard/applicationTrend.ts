import { and, count, eq, ne } from 'drizzle-orm';
import type { DashboardFigure } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { visibleToAuthority } from '../../db/queries/authorityScope.js';
import { applications, rounds } from '../../db/schema/index.js';
import { roundConcerns } from '../review/loadRound.js';
import type { DashboardScope } from './scope.js';

/**
 * Applications the authority saw in each round that concerns it, by year: the same scope rule per round
 * (rounds differ in their review levels, so one grouped count per round).
 */
export async function applicationTrend(db: DbOrTx, scope: DashboardScope): Promise<DashboardFigure> {
  const all = await db.select().from(rounds).where(ne(rounds.status, 'draft')).orderBy(rounds.year, rounds.fillingOpensAt);
  const mine = all.filter((r) => roundConcerns(r, scope.authority));
  const counts: number[] = [];
  for (const round of mine) {
    const [row] = await db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.roundId, round.id), visibleToAuthority(scope.authority, round.config)));
    counts.push(Number(row?.n ?? 0));
  }
  return {
    key: 'applicationTrend',
    title: '各批次申报数量',
    chart: 'line',
    axis: '批次',
    labels: mine.map((r) => `${r.year} ${r.name}`),
    series: [{ name: '申报数', data: counts }],
  };
}
