import { and, asc, desc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { regionPrefix, reviewLevelsOf, type RoundConfig } from '@fw/shared';
import type { DbOrTx } from '../client.js';
import { applications, organisations, regions, reviews } from '../schema/index.js';
import { visibleToAuthority, type AuthorityActor } from './authorityScope.js';

export const LIST_SORTS = ['submittedAt', 'name', 'number', 'region'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface AuthorityListFilters {
  category?: string;
  subType?: string;
  /** A sub-region code: only applicants inside it. */
  region?: string;
  /** pending also covers applications this reviewer has not touched yet. */
  checkStatus?: 'pending' | 'passed' | 'returned';
  recommended?: boolean;
  /** Matches the organisation's name, its USCC or the current number. */
  keyword?: string;
  sort: ListSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface AuthorityListRow {
  id: string;
  number: string | null;
  organisationName: string | null;
  uscc: string | null;
  contact: { name: string; mobileEnc: string } | null;
  regionCode: string;
  regionName: string | null;
  category: string;
  subType: string | null;
  submittedAt: Date | null;
  status: string;
  checkStatus: string;
  checkReason: string | null;
  recommended: boolean;
  rank: number | null;
  /** Above the lowest level: the rank the level below gave it (its recommendation order). */
  lowerRank: number | null;
  paperResult: string | null;
  reopened: boolean;
}

export interface AuthorityListCounts {
  all: number;
  recommended: number;
  passed: number;
  returned: number;
  pending: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the applications an authority sees in a round, in two statements sent together:
 * - the page: its ids found on narrow columns first (visibility, filters and the sort keys only:
 *   recommended on top in rank order, then above the lowest level the order of the level below,
 *   then the chosen sort), and only those rows joined with what the list shows;
 * - the counts: every tab and the total of the chosen tab, grouped once, without the organisations
 *   unless a keyword needs them.
 * Indexes it leans on: applications (round_id, region_code, category) for the scope, reviews
 * (application_id, reviewer_region) for this reviewer's row, reviews (application_id, level,
 * recommended) for the level below, organisations' primary key for the name sort.
 */
export async function listForAuthority(
  db: DbOrTx,
  actor: AuthorityActor,
  round: { id: string; config: RoundConfig },
  f: AuthorityListFilters,
  now: Date,
): Promise<{ rows: AuthorityListRow[]; total: number; counts: AuthorityListCounts }> {
  const narrowing: (SQL | undefined)[] = [eq(applications.roundId, round.id), visibleToAuthority(actor, round.config)];
  if (f.category) narrowing.push(eq(applications.category, f.category));
  if (f.subType) narrowing.push(eq(applications.subType, f.subType));
  if (f.region) narrowing.push(like(applications.regionCode, `${escapeLike(regionPrefix(f.region))}%`));
  if (f.keyword) {
    const k = `%${escapeLike(f.keyword)}%`;
    narrowing.push(or(ilike(organisations.name, k), ilike(organisations.uscc, k), ilike(applications.currentNumber, k)));
  }
  // The round is named too, so the planner may take this reviewer's rows from reviews_reviewer_idx.
  const ownReview = and(eq(reviews.applicationId, applications.id), eq(reviews.roundId, round.id), eq(reviews.reviewerRegion, actor.regionCode));
  const checkStatus = sql<string>`coalesce(${reviews.checkStatus}, 'pending')`;
  const recommended = sql<boolean>`coalesce(${reviews.recommended}, false)`;
  const tabs: SQL[] = [];
  if (f.checkStatus) tabs.push(sql`${checkStatus} = ${f.checkStatus}`);
  if (f.recommended !== undefined) tabs.push(sql`${recommended} = ${f.recommended}`);
  const where = and(...narrowing);

  const levels = reviewLevelsOf(round.config);
  const below = levels[levels.indexOf(actor.level) - 1];
  const lowerRank = below
    ? sql<number | null>`(select lr.rank from reviews lr where lr.application_id = ${applications.id} and lr.level = ${below} and lr.recommended limit 1)`
    : sql<number | null>`null::int`;
  // The name is read per visible row through the primary key (a join would hash every organisation).
  const sortKey = {
    submittedAt: sql`${applications.submittedAt}`,
    name: sql`(select o.name from organisations o where o.id = ${applications.organisationId})`,
    number: sql`${applications.currentNumber}`,
    region: sql`${applications.regionCode}`,
  }[f.sort];
  const direction = f.order === 'asc' ? asc : desc;

  let ids = db
    .select({
      id: sql<string>`${applications.id}`.as('p_id'),
      recommended: recommended.as('p_recommended'),
      rank: sql<number | null>`${reviews.rank}`.as('p_rank'),
      lowerRank: lowerRank.as('p_lower_rank'),
      sortKey: sortKey.as('p_sort_key'),
    })
    .from(applications)
    .leftJoin(reviews, ownReview)
    .$dynamic();
  if (f.keyword) ids = ids.innerJoin(organisations, eq(organisations.id, applications.organisationId));
  const page = ids
    .where(and(where, ...tabs))
    // Own recommendations on top in rank order; then, above the lowest level, the order in which
    // the level below recommended them; then the chosen sort.
    .orderBy(desc(recommended), sql`${reviews.rank} asc nulls last`, sql`p_lower_rank asc nulls last`, direction(sql`p_sort_key`), asc(applications.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .as('p');

  const rowsQuery = db
    .select({
      id: applications.id,
      number: applications.currentNumber,
      regionCode: applications.regionCode,
      category: applications.category,
      subType: applications.subType,
      submittedAt: applications.submittedAt,
      status: applications.status,
      organisationName: organisations.name,
      uscc: organisations.uscc,
      contact: organisations.contact,
      regionName: regions.name,
      checkStatus,
      checkReason: reviews.checkReason,
      recommended: page.recommended,
      rank: reviews.rank,
      lowerRank: page.lowerRank,
      paperResult: reviews.paperResult,
      reopened: sql<boolean>`exists (select 1 from reopenings ro where ro.application_id = ${applications.id} and ro.closed_at is null and ro.expires_at > ${now.toISOString()}::timestamptz)`,
    })
    .from(page)
    .innerJoin(applications, eq(applications.id, page.id))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(regions, eq(regions.code, applications.regionCode))
    .leftJoin(reviews, ownReview)
    .orderBy(desc(page.recommended), sql`${page.rank} asc nulls last`, sql`${page.lowerRank} asc nulls last`, direction(page.sortKey), asc(page.id));

  let counting = db
    .select({
      all: sql<number>`count(*)::int`,
      recommended: sql<number>`(count(*) filter (where ${recommended}))::int`,
      passed: sql<number>`(count(*) filter (where ${checkStatus} = 'passed'))::int`,
      returned: sql<number>`(count(*) filter (where ${checkStatus} = 'returned'))::int`,
      pending: sql<number>`(count(*) filter (where ${checkStatus} = 'pending'))::int`,
      total: tabs.length ? sql<number>`(count(*) filter (where ${and(...tabs)}))::int` : sql<number>`count(*)::int`,
    })
    .from(applications)
    .leftJoin(reviews, ownReview)
    .$dynamic();
  if (f.keyword) counting = counting.innerJoin(organisations, eq(organisations.id, applications.organisationId));

  const [rows, [counted]] = await Promise.all([rowsQuery, counting.where(where)]);
  const c = counted ?? { all: 0, recommended: 0, passed: 0, returned: 0, pending: 0, total: 0 };
  return {
    rows: rows.map((r) => ({
      ...r,
      submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
      recommended: !!r.recommended,
      reopened: !!r.reopened,
    })),
    total: Number(c.total),
    counts: { all: Number(c.all), recommended: Number(c.recommended), passed: Number(c.passed), returned: Number(c.returned), pending: Number(c.pending) },
  };
}
