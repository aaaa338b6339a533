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
 * One page of the applications an authority sees in a round, in one statement: the inner query
 * applies the visibility rule and the narrowing filters (category, region, keyword) and counts the
 * tabs with window functions; the outer one applies the tab filters (check status, recommended),
 * counts the total, pins the recommended on top in rank order and pages.
 * Indexes it leans on: applications (round_id, region_code, category) for the scope, reviews
 * (application_id, reviewer_region) for this reviewer's row, reviews (application_id, level,
 * recommended) for the level below.
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
  const levels = reviewLevelsOf(round.config);
  const below = levels[levels.indexOf(actor.level) - 1];
  const lowerRank = below
    ? sql<number | null>`(select lr.rank from reviews lr where lr.application_id = ${applications.id} and lr.level = ${below} and lr.recommended limit 1)`
    : sql<number | null>`null::int`;
  const checkStatus = sql<string>`coalesce(${reviews.checkStatus}, 'pending')`;
  const recommended = sql<boolean>`coalesce(${reviews.recommended}, false)`;
  const inner = db
    .select({
      id: applications.id,
      number: applications.currentNumber,
      regionCode: applications.regionCode,
      category: applications.category,
      subType: applications.subType,
      submittedAt: applications.submittedAt,
      status: applications.status,
      organisationName: sql<string | null>`${organisations.name}`.as('organisation_name'),
      uscc: organisations.uscc,
      contact: organisations.contact,
      regionName: sql<string | null>`${regions.name}`.as('region_name'),
      checkStatus: checkStatus.as('check_status'),
      checkReason: reviews.checkReason,
      recommended: recommended.as('recommended'),
      rank: reviews.rank,
      lowerRank: lowerRank.as('lower_rank'),
      paperResult: reviews.paperResult,
      reopened: sql<boolean>`exists (select 1 from reopenings ro where ro.application_id = ${applications.id} and ro.closed_at is null and ro.expires_at > ${now.toISOString()}::timestamptz)`.as('reopened'),
      cAll: sql<number>`(count(*) over ())::int`.as('c_all'),
      cRecommended: sql<number>`(count(*) filter (where ${recommended}) over ())::int`.as('c_recommended'),
      cPassed: sql<number>`(count(*) filter (where ${checkStatus} = 'passed') over ())::int`.as('c_passed'),
      cReturned: sql<number>`(count(*) filter (where ${checkStatus} = 'returned') over ())::int`.as('c_returned'),
      cPending: sql<number>`(count(*) filter (where ${checkStatus} = 'pending') over ())::int`.as('c_pending'),
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(regions, eq(regions.code, applications.regionCode))
    .leftJoin(reviews, and(eq(reviews.applicationId, applications.id), eq(reviews.reviewerRegion, actor.regionCode)))
    .where(and(...narrowing))
    .as('t');

  const tabs: SQL[] = [];
  if (f.checkStatus) tabs.push(sql`${inner.checkStatus} = ${f.checkStatus}`);
  if (f.recommended !== undefined) tabs.push(sql`${inner.recommended} = ${f.recommended}`);
  const sortColumn = { submittedAt: inner.submittedAt, name: inner.organisationName, number: inner.number, region: inner.regionCode }[f.sort];
  const direction = f.order === 'asc' ? asc : desc;

  const rows = await db
    .select({
      id: inner.id,
      number: inner.number,
      regionCode: inner.regionCode,
      category: inner.category,
      subType: inner.subType,
      submittedAt: inner.submittedAt,
      status: inner.status,
      organisationName: inner.organisationName,
      uscc: inner.uscc,
      contact: inner.contact,
      regionName: inner.regionName,
      checkStatus: inner.checkStatus,
      checkReason: inner.checkReason,
      recommended: inner.recommended,
      rank: inner.rank,
      lowerRank: inner.lowerRank,
      paperResult: inner.paperResult,
      reopened: inner.reopened,
      cAll: inner.cAll,
      cRecommended: inner.cRecommended,
      cPassed: inner.cPassed,
      cReturned: inner.cReturned,
      cPending: inner.cPending,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(inner)
    .where(tabs.length ? and(...tabs) : undefined)
    // Own recommendations on top in rank order; then, above the lowest level, the order in which
    // the level below recommended them; then the chosen sort.
    .orderBy(desc(inner.recommended), sql`${inner.rank} asc nulls last`, sql`${inner.lowerRank} asc nulls last`, direction(sortColumn), asc(inner.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);

  const first = rows[0];
  if (!first) {
    // A page past the end has no row to carry the counts: count the first page instead.
    if (f.page > 1) {
      const again = await listForAuthority(db, actor, round, { ...f, page: 1, pageSize: 1 }, now);
      return { rows: [], total: again.total, counts: again.counts };
    }
    return { rows: [], total: 0, counts: await countsOnly(db, actor, round, f, now) };
  }
  return {
    rows: rows.map((r) => ({
      ...r,
      submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
      recommended: !!r.recommended,
      reopened: !!r.reopened,
    })),
    total: Number(first.total),
    counts: { all: Number(first.cAll), recommended: Number(first.cRecommended), passed: Number(first.cPassed), returned: Number(first.cReturned), pending: Number(first.cPending) },
  };
}

/** The tab counts when the tab filter leaves no row (e.g. no returned ones yet). */
async function countsOnly(db: DbOrTx, actor: AuthorityActor, round: { id: string; config: RoundConfig }, f: AuthorityListFilters, now: Date): Promise<AuthorityListCounts> {
  if (f.checkStatus === undefined && f.recommended === undefined) return { all: 0, recommended: 0, passed: 0, returned: 0, pending: 0 };
  const r = await listForAuthority(db, actor, round, { ...f, checkStatus: undefined, recommended: undefined, page: 1, pageSize: 1 }, now);
  return r.counts;
}
