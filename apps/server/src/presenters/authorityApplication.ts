import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { categoryTitle, maskMobile, regionContains, reviewLevelsOf, type Category, type FileView } from '@fw/shared';
import type { AppContext } from '../context.js';
import type { LoadedForAuthority } from '../db/queries/authorityScope.js';
import type { AuthorityListRow } from '../db/queries/authorityList.js';
import { isRegionClosed } from '../db/queries/closures.js';
import { listFiles } from '../db/queries/files.js';
import { regionPath } from '../db/queries/regions.js';
import { regionClosures, regions, reopenings, reviews, submissions } from '../db/schema/index.js';
import { presentFile } from './application.js';

type ReviewRow = typeof reviews.$inferSelect;
type ReopeningRow = typeof reopenings.$inferSelect;

export interface MyReviewView {
  checkStatus: string;
  checkReason: string | null;
  recommended: boolean;
  rank: number | null;
  opinion: string | null;
  paperNumber: string | null;
  paperResult: string | null;
  paperCheckedAt: string | null;
}

export interface ReopeningView {
  id: string;
  reason: string;
  scope: { whole: boolean; sections: string[]; slots: string[] };
  openedAt: string;
  expiresAt: string;
  closedAt: string | null;
  byRegionName: string | null;
  active: boolean;
}

/** Reveals a protected value, or null when it cannot be read (never fails a page over one field). */
function revealOrNull(ctx: Pick<AppContext, 'personalData'>, stored: string | null | undefined): string | null {
  if (!stored) return null;
  try {
    return ctx.personalData.reveal(stored);
  } catch {
    return null;
  }
}

/** One row of the authority's list: the contact's mobile is masked here (the detail view shows it in full). */
export function presentListItem(ctx: Pick<AppContext, 'personalData'>, r: AuthorityListRow) {
  const mobile = revealOrNull(ctx, r.contact?.mobileEnc);
  return {
    id: r.id,
    number: r.number,
    organisationName: r.organisationName,
    uscc: r.uscc,
    regionCode: r.regionCode,
    regionName: r.regionName,
    category: r.category,
    subType: r.subType,
    categoryTitle: categoryTitle(r.category as Category, r.subType),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    status: r.status,
    checkStatus: r.checkStatus,
    checkReason: r.checkReason,
    recommended: r.recommended,
    rank: r.rank,
    lowerRank: r.lowerRank === null || r.lowerRank === undefined ? null : Number(r.lowerRank),
    paperResult: r.paperResult,
    reopened: r.reopened,
    contactName: r.contact?.name ?? null,
    contactMobileMasked: mobile ? maskMobile(mobile) : null,
  };
}

export function presentMyReview(r: ReviewRow | null | undefined): MyReviewView | null {
  if (!r) return null;
  return {
    checkStatus: r.checkStatus,
    checkReason: r.checkReason,
    recommended: r.recommended,
    rank: r.rank,
    opinion: r.opinion,
    paperNumber: r.paperNumber,
    paperResult: r.paperResult,
    paperCheckedAt: r.paperCheckedAt?.toISOString() ?? null,
  };
}

export function presentReopening(r: ReopeningRow, byRegionName: string | null, now: Date): ReopeningView {
  return {
    id: r.id,
    reason: r.reason,
    scope: r.scope,
    openedAt: r.openedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    byRegionName,
    active: !r.closedAt && r.expiresAt > now,
  };
}

/** The names of region codes ('000000' is the ministry, not in the regions table). */
export async function regionNames(ctx: Pick<AppContext, 'db'>, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const rows = unique.length ? await ctx.db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, unique)) : [];
  const map = new Map(rows.map((r) => [r.code, r.name]));
  map.set('000000', '工业和信息化部');
  return map;
}

/** The reopening with the name of the region that opened it. */
export async function presentReopeningOf(ctx: Pick<AppContext, 'db'>, r: ReopeningRow, now: Date): Promise<ReopeningView> {
  const names = await regionNames(ctx, [r.openedByRegion]);
  return presentReopening(r, names.get(r.openedByRegion) ?? null, now);
}

/**
 * Everything an authority reads about one application: all fields, the full contact (the caller
 * logs that view), files, submission history, its own review, the levels below, every reopening
 * and which actions its buttons may offer.
 */
export async function presentAuthorityDetail(ctx: AppContext, loaded: LoadedForAuthority) {
  const { application: a, organisation: o, round, authority } = loaded;
  const now = ctx.now();
  const [fileRows, subs, reviewRows, reopeningRows, regionName, regionClosed, ownClosure] = await Promise.all([
    listFiles(ctx.db, a.id),
    ctx.db.select().from(submissions).where(eq(submissions.applicationId, a.id)).orderBy(asc(submissions.submittedAt)),
    ctx.db.select().from(reviews).where(eq(reviews.applicationId, a.id)),
    ctx.db.select().from(reopenings).where(eq(reopenings.applicationId, a.id)).orderBy(asc(reopenings.openedAt)),
    regionPath(ctx.db, a.regionCode),
    isRegionClosed(ctx.db, round.id, a.regionCode),
    ctx.db
      .select({ id: regionClosures.id })
      .from(regionClosures)
      .where(and(eq(regionClosures.roundId, round.id), eq(regionClosures.regionCode, authority.regionCode), isNull(regionClosures.undoneAt)))
      .limit(1),
  ]);
  const levels = reviewLevelsOf(round.config) as string[];
  const myIndex = levels.indexOf(authority.level);
  const mine = reviewRows.find((r) => r.reviewerRegion === authority.regionCode) ?? null;
  const lower = reviewRows.filter((r) => r.reviewerRegion !== authority.regionCode && levels.indexOf(r.level) < myIndex && regionContains(authority.regionCode, r.reviewerRegion));
  const names = await regionNames(ctx, [...lower.map((r) => r.reviewerRegion), ...reopeningRows.map((r) => r.openedByRegion)]);
  const reopeningViews = reopeningRows.map((r) => presentReopening(r, names.get(r.openedByRegion) ?? null, now));
  const ownClosed = ownClosure.length > 0;
  const contact = o.contact;
  return {
    application: {
      id: a.id,
      number: a.currentNumber,
      category: a.category,
      subType: a.subType,
      categoryTitle: categoryTitle(a.category as Category, a.subType),
      status: a.status,
      data: a.data,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      roundId: a.roundId,
    },
    organisation: {
      name: o.name,
      uscc: o.uscc,
      regionName,
      registry: o.registry,
      contact: contact
        ? { name: contact.name, position: contact.position, mobile: revealOrNull(ctx, contact.mobileEnc), email: revealOrNull(ctx, contact.emailEnc) }
        : null,
    },
    files: fileRows.map(presentFile) as FileView[],
    submissions: subs.map((s) => ({ number: s.number, status: s.status, submittedAt: s.submittedAt.toISOString() })),
    myReview: presentMyReview(mine),
    lowerReviews: lower.map((r) => ({
      level: r.level,
      regionName: names.get(r.reviewerRegion) ?? null,
      checkStatus: r.checkStatus,
      recommended: r.recommended,
      rank: r.rank,
      opinion: r.opinion,
    })),
    reopenings: reopeningViews,
    can: {
      check: true,
      reopen: regionClosed && !reopeningViews.some((r) => r.active),
      recommend: ownClosed && myIndex >= 0 && myIndex < levels.length - 1 && mine?.checkStatus !== 'returned',
      opinion: true,
      paper: !!a.currentNumber,
    },
  };
}

