import { regionClosures } from '../../db/schema/index.js';
import { and, eq, isNull } from 'drizzle-orm';
import { reviewLevelsOf, type Quota } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import type { AuthorityActor } from '../../db/queries/authorityScope.js';
import { quotaLabel, quotaMax, quotaRuleFor, usedForRule } from './quota.js';
import { RETURNED_MESSAGE } from './recommendWithinQuota.js';
import { NOT_RECOMMENDED_MESSAGE, RECOMMENDED_ABOVE_MESSAGE } from './unrecommendApplication.js';
import { NOT_CLOSED_MESSAGE, recommendedAbove, reviewsOf, visibleApplications, type RoundRow, type VisibleApplication } from './scope.js';
import type { BulkAction } from './bulkTokens.js';

export interface BulkItem {
  id: string;
  organisationName: string;
  /** Why this one cannot be done; any problem stops the whole commit. */
  problem?: string;
  /** Done already or a side remark; not a problem. */
  note?: string;
}

export interface BulkCheck {
  /** How many applications the commit would change. */
  count: number;
  items: BulkItem[];
  quotaProblems: string[];
  /** The applications to change, in the order given. */
  toChange: VisibleApplication[];
}

export const NOT_VISIBLE_MESSAGE = '申报书不存在或无权访问';

/** Whether the actor's own region is closed in the round (read only; commit reads it under lock). */
export async function ownRegionClosed(db: DbOrTx, roundId: string, regionCode: string): Promise<boolean> {
  const rows = await db
    .select({ id: regionClosures.id })
    .from(regionClosures)
    .where(and(eq(regionClosures.roundId, roundId), eq(regionClosures.regionCode, regionCode), isNull(regionClosures.undoneAt)))
    .limit(1);
  return rows.length > 0;
}

/** Everything the preview shows and the commit re-checks: per-item problems and quota overruns. */
export async function checkBulk(db: DbOrTx, actor: AuthorityActor, round: RoundRow, action: BulkAction, ids: string[], closed: boolean): Promise<BulkCheck> {
  const visible = new Map((await visibleApplications(db, actor, round, ids)).map((a) => [a.id, a]));
  const own = await reviewsOf(db, actor.regionCode, [...visible.keys()]);
  const above = action === 'unrecommend' ? await recommendedAbove(db, actor, round, [...visible.keys()]) : new Set<string>();
  const levels = reviewLevelsOf(round.config);
  const levelIndex = levels.indexOf(actor.level);
  const mayRecommend = levelIndex >= 0 && levelIndex < levels.length - 1;

  const items: BulkItem[] = [];
  const toChange: VisibleApplication[] = [];
  for (const id of ids) {
    const app = visible.get(id);
    if (!app) {
      items.push({ id, organisationName: '', problem: NOT_VISIBLE_MESSAGE });
      continue;
    }
    const review = own.get(id);
    const item: BulkItem = { id, organisationName: app.organisationName };
    let unchanged = false;
    if (action === 'recommend') {
      if (!mayRecommend) item.problem = '本级为本批次最终评审层级，无需推荐';
      else if (!closed) item.problem = NOT_CLOSED_MESSAGE;
      else if (review?.checkStatus === 'returned') item.problem = RETURNED_MESSAGE;
      else if (review?.recommended) {
        item.note = '已推荐';
        unchanged = true;
      }
    } else if (action === 'unrecommend') {
      if (!review?.recommended) item.problem = NOT_RECOMMENDED_MESSAGE;
      else if (above.has(id)) item.problem = RECOMMENDED_ABOVE_MESSAGE;
    } else {
      if (review?.checkStatus === 'passed') {
        item.note = '已通过';
        unchanged = true;
      } else if (review?.checkStatus === 'returned') item.note = '已退回，将改为通过';
    }
    items.push(item);
    if (!item.problem && !unchanged) toChange.push(app);
  }

  const quotaProblems = action === 'recommend' && closed && mayRecommend ? await quotaOverruns(db, actor, round, toChange) : [];
  return { count: toChange.length, items, quotaProblems, toChange };
}

async function quotaOverruns(db: DbOrTx, actor: AuthorityActor, round: RoundRow, apps: VisibleApplication[]): Promise<string[]> {
  const byRule = new Map<Quota, number>();
  for (const app of apps) {
    const rule = quotaRuleFor(round.config, app.category, app.subType, actor.level);
    if (rule) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  const problems: string[] = [];
  for (const [rule, adding] of byRule) {
    const max = quotaMax(round.config, rule, actor.regionCode);
    const used = await usedForRule(db, round.id, actor.regionCode, rule);
    if (used + adding > max) problems.push(`${quotaLabel(rule)}推荐名额不足：最多推荐${max}个，已推荐${used}个，本次选择${adding}个`);
  }
  return problems;
}
