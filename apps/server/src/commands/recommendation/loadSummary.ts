import { and, asc, eq } from 'drizzle-orm';
import { CATEGORY_SUB_TYPES, SUB_TYPE_LABELS, modesOf, platformServiceKind, type Category } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, organisations, reviews, submissions, users } from '../../db/schema/index.js';
import { asAuthority, visibleToAuthority } from '../../db/queries/authorityScope.js';
import { loadRound, type RoundRow } from './scope.js';

export interface SummaryRow {
  /** 序号 within its category (and sub-type): the recommendation rank. */
  seq: number;
  applicationId: string;
  category: Category;
  subType: string | null;
  organisationName: string;
  modes: string[];
  contactName: string;
  /** Full mobile: the summary table is the official contact list sent upward. */
  contactMobile: string;
  contactEmail: string;
  /** Platforms: 公共服务平台 | 应用服务提供商 */
  serviceKind?: string;
  /** Platforms and cities: 共享制造类, 工业设计特色类 … */
  subTypeLabel?: string;
  /** The current application number. */
  number: string;
}

export interface SummarySection {
  category: Category;
  subType: string | null;
  rows: SummaryRow[];
}

export interface Summary {
  round: RoundRow;
  /** 推荐单位: the authority's display name. */
  authority: string;
  /** 填报人 and 联系电话 defaults from the account's contact. */
  preparer: string;
  phone: string;
  sections: SummarySection[];
}

interface SnapshotShape {
  data?: Record<string, unknown>;
  organisation?: { name?: string; contact?: { name?: string; mobileEnc?: string; emailEnc?: string } };
}

/**
 * 推荐汇总表: the authority's recommended applications per category and sub-type in rank order,
 * read from each one's current submission (the version the paper copy carries).
 */
export async function loadSummary(ctx: AppContext, actor: Actor, roundId: string, filter: { category?: string; subType?: string | null } = {}): Promise<Summary> {
  const authority = asAuthority(actor);
  const round = await loadRound(ctx, authority, roundId);
  const [account] = await ctx.db.select({ displayName: users.displayName, contact: users.contact }).from(users).where(eq(users.id, authority.id));
  const reveal = (v: string | undefined) => {
    if (!v) return '';
    try {
      return ctx.personalData.reveal(v);
    } catch {
      return '';
    }
  };

  const rows = await ctx.db
    .select({ application: applications, rank: reviews.rank, orgName: organisations.name, snapshot: submissions.snapshot })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(submissions, and(eq(submissions.applicationId, applications.id), eq(submissions.status, 'current')))
    .where(and(eq(reviews.roundId, round.id), eq(reviews.reviewerRegion, authority.regionCode), eq(reviews.recommended, true), eq(applications.roundId, round.id), visibleToAuthority(authority, round.config)))
    .orderBy(asc(reviews.rank), asc(reviews.recommendedAt));

  const sections = sectionKinds(round, filter).map(({ category, subType }) => {
    const mine = rows.filter((r) => r.application.category === category && (r.application.subType ?? null) === subType);
    return {
      category,
      subType,
      rows: mine.map((r, i): SummaryRow => {
        const snap = r.snapshot as SnapshotShape;
        const data = snap.data ?? r.application.data;
        const contact = snap.organisation?.contact;
        return {
          seq: i + 1,
          applicationId: r.application.id,
          category,
          subType,
          organisationName: snap.organisation?.name ?? r.orgName ?? '',
          modes: modesOf(category, data, { round: round.config, subType }),
          contactName: contact?.name ?? '',
          contactMobile: reveal(contact?.mobileEnc),
          contactEmail: reveal(contact?.emailEnc),
          ...(category === 'platform' ? { serviceKind: platformServiceKind(data) } : {}),
          ...(subType ? { subTypeLabel: SUB_TYPE_LABELS[subType] ?? subType } : {}),
          number: r.application.currentNumber ?? '',
        };
      }),
    };
  });

  const contact = account?.contact ?? null;
  return {
    round,
    authority: account?.displayName ?? '',
    preparer: contact?.name ?? '',
    phone: contact?.phone || reveal(contact?.mobileEnc),
    sections,
  };
}

/** The tables of the summary: each category of the round, split by its sub-types, optionally one only. */
function sectionKinds(round: RoundRow, filter: { category?: string; subType?: string | null }): { category: Category; subType: string | null }[] {
  const kinds = round.config.categories.flatMap((category) => {
    const subs = CATEGORY_SUB_TYPES[category];
    return subs.length ? subs.map((subType) => ({ category, subType })) : [{ category, subType: null as string | null }];
  });
  return kinds.filter((k) => (!filter.category || k.category === filter.category) && (!filter.subType || k.subType === filter.subType));
}
