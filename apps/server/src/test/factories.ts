import { THIRD_NATIONAL_ROUND, type Category, type RoundConfig } from '@fw/shared';
import type { AppContext } from '../context.js';
import { applications, organisations, registryEntries, rounds, users } from '../db/schema/index.js';
import { createSession, SESSION_COOKIE } from '../services/sessions.js';
import { demoUscc } from '../db/seed/demo.js';

let seq = 0;
const next = () => ++seq + Math.floor(Math.random() * 1e6);

/** Shared by all server tests: rows made directly, so each test states only what it is about. */
export async function makeRound(ctx: AppContext, opts: { closesAt?: Date; config?: Partial<RoundConfig> } = {}) {
  const now = ctx.now();
  const [round] = await ctx.db
    .insert(rounds)
    .values({
      code: `T${next() % 100000}`,
      name: '测试批次',
      year: 2026,
      organiserRegion: '000000',
      fillingOpensAt: new Date(now.getTime() - 86400_000),
      fillingClosesAt: opts.closesAt ?? new Date(now.getTime() + 30 * 86400_000),
      config: { ...THIRD_NATIONAL_ROUND, ...opts.config },
    })
    .returning();
  return round!;
}

export function randomMobile(): string {
  return `139${String(next()).padStart(8, '0').slice(-8)}`;
}

/** An applicant account with a session; returns the cookie header to send. */
export async function makeApplicant(ctx: AppContext, opts: { mobile?: string; passwordHash?: string } = {}) {
  const mobile = opts.mobile ?? randomMobile();
  const [user] = await ctx.db
    .insert(users)
    .values({ role: 'applicant', mobileEnc: ctx.personalData.protect(mobile), mobileIndex: ctx.personalData.blindIndex(mobile), passwordHash: opts.passwordHash ?? 'x' })
    .returning();
  const token = await createSession(ctx.db, user!.id, 1, ctx.now());
  return { user: user!, mobile, cookie: `${SESSION_COOKIE}=${token}` };
}

/** A registry entry with a valid USCC in the given district. */
export async function makeRegistryEntry(ctx: AppContext, opts: { regionCode?: string; name?: string } = {}) {
  const regionCode = opts.regionCode ?? '440305';
  const n = next();
  const uscc = demoUscc(regionCode, `MA${String(n).padStart(7, '0').slice(-7)}`);
  const [row] = await ctx.db
    .insert(registryEntries)
    .values({ uscc, name: opts.name ?? `测试制造有限公司${n}`, legalRepresentative: '张三', registeredCapital: '1000万元人民币', orgType: '有限责任公司', address: '测试地址1号', regionCode, establishedOn: '2015-01-01' })
    .returning();
  return row!;
}

/** A certified organisation (with contact) for the applicant. */
export async function makeOrganisation(ctx: AppContext, userId: string, opts: { regionCode?: string; entry?: 'enterprise' | 'city' } = {}) {
  const reg = await makeRegistryEntry(ctx, { regionCode: opts.regionCode });
  const [org] = await ctx.db
    .insert(organisations)
    .values({
      userId,
      entry: opts.entry ?? 'enterprise',
      uscc: reg.uscc,
      name: reg.name,
      regionCode: reg.regionCode,
      registry: { address: reg.address, legalRepresentative: reg.legalRepresentative, registeredCapital: reg.registeredCapital, orgType: reg.orgType, establishedOn: reg.establishedOn },
      certifiedAt: ctx.now(),
      contact: { name: '王五', position: '经理', mobileEnc: ctx.personalData.protect('13912345678'), emailEnc: ctx.personalData.protect('wang@example.com') },
    })
    .returning();
  return org!;
}

/** Applicant + certified organisation + a draft application: the usual starting point. */
export async function makeApplication(ctx: AppContext, opts: { category?: Category; subType?: string | null; data?: Record<string, unknown>; roundId?: string; regionCode?: string } = {}) {
  const applicant = await makeApplicant(ctx);
  const org = await makeOrganisation(ctx, applicant.user.id, { regionCode: opts.regionCode });
  const roundId = opts.roundId ?? (await makeRound(ctx)).id;
  const [app] = await ctx.db
    .insert(applications)
    .values({ roundId, organisationId: org.id, category: opts.category ?? 'enterprise', subType: opts.subType ?? null, regionCode: org.regionCode!, data: opts.data ?? {} })
    .returning();
  return { applicant, org, application: app!, cookie: applicant.cookie };
}
