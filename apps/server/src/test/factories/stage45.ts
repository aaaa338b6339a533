import { eq } from 'drizzle-orm';
import { ancestorAt, reviewLevelsOf, type Category, type DeclaredConflict, type ReviewSettings, type RoundConfig } from '@fw/shared';
import { experts, organisations, reviewAssignments, roundDecisions, rounds, siteInspections, users } from '../../db/schema/index.js';
import { insertRecommended } from '../../routes/authority/reviewFixtures.js';
import { createSession, SESSION_COOKIE } from '../../services/sessions.js';
import { newTotpSecret } from '../../services/totp.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../factories.js';
import type { TestServer } from '../testServer.js';

/**
 * Factories of stages 4–5 (expert review, inspections, decisions, notice), shared by their tests.
 * Add functions; do not rewrite others'.
 */

type RoundRow = typeof rounds.$inferSelect;

let seq = 0;
const next = () => ++seq + Math.floor(Math.random() * 1e6);

/**
 * A round organised by `organiserRegion` (the ministry by default) and its organiser, logged in.
 * `reviewLevels` default to the national chain; a city's round passes e.g. ['district', 'city'].
 */
export async function makeOrganiserRound(
  t: TestServer,
  opts: { organiserRegion?: string; reviewLevels?: RoundConfig['reviewLevels']; review?: ReviewSettings; config?: Partial<RoundConfig> } = {},
) {
  const organiserRegion = opts.organiserRegion ?? '000000';
  const config: Partial<RoundConfig> = { ...opts.config, ...(opts.reviewLevels ? { reviewLevels: opts.reviewLevels } : {}), ...(opts.review ? { review: opts.review } : {}) };
  const made = await makeRound(t.ctx, { config });
  const [round] = await t.ctx.db.update(rounds).set({ organiserRegion }).where(eq(rounds.id, made.id)).returning();
  const organiser = await makeAuthority(t.ctx, organiserRegion);
  return { round: round!, organiser };
}

export interface MakeExpertOptions {
  /** The organiser region whose pool the expert belongs to ('000000' by default). */
  poolRegion?: string;
  name?: string;
  employerName?: string;
  employerUscc?: string | null;
  employerLegalRepresentative?: string | null;
  /** Where the expert works (GB/T 2260); 110108 by default. */
  regionCode?: string;
  fields?: string[];
  categories?: string[];
  maxLoad?: number | null;
  declaredConflicts?: DeclaredConflict[];
  active?: boolean;
  /** false: the account has not enrolled its second factor yet (first-login gate tests). */
  totp?: boolean;
  /** true: the one-time password is still to be changed. */
  mustChangePassword?: boolean;
  passwordHash?: string;
}

/**
 * An expert of a pool: the users row (role 'expert', second factor enrolled) and its experts row,
 * with a session. `cookie` is the header to send; `login()` opens another session for the same account.
 */
export async function makeExpert(t: TestServer, opts: MakeExpertOptions = {}) {
  const n = next();
  const totpSecret = newTotpSecret();
  const [user] = await t.ctx.db
    .insert(users)
    .values({
      role: 'expert',
      username: `expert_${n}`,
      displayName: opts.name ?? `专家${n}`,
      passwordHash: opts.passwordHash ?? 'x',
      mustChangePassword: opts.mustChangePassword ?? false,
      ...(opts.totp === false ? {} : { totpSecretEnc: t.ctx.personalData.protect(totpSecret), totpEnabledAt: t.ctx.now() }),
    })
    .returning();
  const [expert] = await t.ctx.db
    .insert(experts)
    .values({
      userId: user!.id,
      poolRegion: opts.poolRegion ?? '000000',
      name: opts.name ?? `专家${n}`,
      employerName: opts.employerName ?? `测试大学${n}`,
      employerUscc: opts.employerUscc ?? null,
      employerLegalRepresentative: opts.employerLegalRepresentative ?? null,
      regionCode: opts.regionCode ?? '110108',
      fields: opts.fields ?? ['智能制造'],
      categories: opts.categories ?? [],
      maxLoad: opts.maxLoad ?? null,
      declaredConflicts: opts.declaredConflicts ?? [],
      active: opts.active ?? true,
    })
    .returning();
  const login = async () => `${SESSION_COOKIE}=${await createSession(t.ctx.db, user!.id, 24 * 365, t.ctx.now())}`;
  return { user: user!, expert: expert!, totpSecret, cookie: await login(), login };
}

/**
 * A submitted application that reached the round's organiser: every review level below the
 * organiser's recommended it (the level just below is what `reachedOrganiser` checks).
 * `legalRepresentative` / `name` overwrite the organisation's registry data (conflict tests).
 */
export async function makeReachedApplication(
  t: TestServer,
  round: Pick<RoundRow, 'id' | 'config'>,
  opts: { category?: Category; subType?: string | null; regionCode?: string; legalRepresentative?: string; name?: string; rank?: number } = {},
) {
  const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, category: opts.category, subType: opts.subType, regionCode: opts.regionCode });
  let org = made.org;
  if (opts.legalRepresentative || opts.name) {
    const registry = { ...org.registry, ...(opts.legalRepresentative ? { legalRepresentative: opts.legalRepresentative } : {}) };
    [org] = await t.ctx.db
      .update(organisations)
      .set({ registry, ...(opts.name ? { name: opts.name } : {}) })
      .where(eq(organisations.id, org.id))
      .returning();
  }
  const levels = reviewLevelsOf(round.config);
  for (const level of levels.slice(0, -1)) {
    await insertRecommended(t.ctx, made.application, ancestorAt(made.application.regionCode, level), opts.rank ?? 1);
  }
  return { ...made, org: org! };
}

/**
 * One expert's score sheet on an application, written directly (ranking and decision tests): submitted
 * with `total` unless `submitted: false`; `status` 'declined' / 'withdrawn' for sheets that must not count.
 */
export async function makeScoreSheet(
  t: TestServer,
  o: { roundId: string; applicationId: string; expertId: string; total: number; submitted?: boolean; status?: 'assigned' | 'declined' | 'withdrawn' },
) {
  const submitted = o.submitted ?? true;
  const [row] = await t.ctx.db
    .insert(reviewAssignments)
    .values({
      roundId: o.roundId,
      applicationId: o.applicationId,
      expertId: o.expertId,
      status: o.status ?? 'assigned',
      noConflictDeclaredAt: t.ctx.now(),
      scores: submitted ? { total: o.total } : null,
      total: submitted ? o.total : null,
      submittedAt: submitted ? t.ctx.now() : null,
    })
    .returning();
  return row!;
}

/**
 * Released selected decisions (拟入选, released) for reached applications of the round: what the public
 * notice lists. One application per item, ranked in the order given.
 */
export async function makeReleasedSelection(
  t: TestServer,
  round: Pick<RoundRow, 'id' | 'config'>,
  organiserId: string,
  items: { category?: Category; subType?: string | null; regionCode?: string; name?: string }[],
) {
  const made = [];
  for (const [i, item] of items.entries()) {
    const a = await makeReachedApplication(t, round, item);
    await t.ctx.db.insert(roundDecisions).values({
      roundId: round.id,
      applicationId: a.application.id,
      decision: 'selected',
      rank: i + 1,
      preparedBy: organiserId,
      releasedAt: t.ctx.now(),
    });
    made.push(a);
  }
  return made;
}

/**
 * A site inspection written directly (list and isolation tests): scheduled today by default, with one
 * named official; `result` / `findings` for a recorded one.
 */
export async function makeInspection(
  t: TestServer,
  o: { roundId: string; applicationId: string; createdBy: string; scheduledOn?: string; place?: string; inspectors?: { userId?: string; name: string }[]; result?: 'scheduled' | 'passed' | 'failed' | 'conditional'; findings?: string | null },
) {
  const today = new Date(t.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const [row] = await t.ctx.db
    .insert(siteInspections)
    .values({
      roundId: o.roundId,
      applicationId: o.applicationId,
      scheduledOn: o.scheduledOn ?? today,
      place: o.place ?? '企业生产基地',
      inspectors: o.inspectors ?? [{ name: '王处长' }],
      result: o.result ?? 'scheduled',
      findings: o.findings ?? null,
      createdBy: o.createdBy,
    })
    .returning();
  return row!;
}
