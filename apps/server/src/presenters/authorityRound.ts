import { and, eq, isNull } from 'drizzle-orm';
import { reviewLevelsOf } from '@fw/shared';
import type { AppContext } from '../context.js';
import type { AuthorityActor } from '../db/queries/authorityScope.js';
import { regionClosures } from '../db/schema/index.js';
import { quotaUsage } from '../commands/recommendation/quota.js';
import type { RoundRow } from '../commands/review/loadRound.js';

export interface AuthorityRoundView {
  id: string;
  code: string;
  name: string;
  year: number;
  fillingClosesAt: string;
  levels: string[];
  myLevelIndex: number;
  closed: boolean;
  closedAt: string | null;
  canRecommend: boolean;
  quotas: { category: string; subType: string | null; max: number; used: number }[];
}

/** A round as one authority sees it: its own closing, its place among the levels and its quota use. */
export async function presentAuthorityRound(ctx: Pick<AppContext, 'db'>, actor: AuthorityActor, round: RoundRow): Promise<AuthorityRoundView> {
  const levels = reviewLevelsOf(round.config);
  const myLevelIndex = (levels as string[]).indexOf(actor.level);
  const [[closure], quotas] = await Promise.all([
    ctx.db
      .select()
      .from(regionClosures)
      .where(and(eq(regionClosures.roundId, round.id), eq(regionClosures.regionCode, actor.regionCode), isNull(regionClosures.undoneAt)))
      .limit(1),
    quotaUsage(ctx.db, round, actor.regionCode),
  ]);
  const closed = !!closure;
  return {
    id: round.id,
    code: round.code,
    name: round.name,
    year: round.year,
    fillingClosesAt: round.fillingClosesAt.toISOString(),
    levels,
    myLevelIndex,
    closed,
    closedAt: closure?.closedAt.toISOString() ?? null,
    canRecommend: closed && myLevelIndex >= 0 && myLevelIndex < levels.length - 1,
    quotas,
  };
}
