import { THIRD_NATIONAL_ROUND, levelOf, type Category, type RoundConfig } from '@fw/shared';
import { submitApplication } from '../commands/applications/submitApplication.js';
import { newTotpSecret } from '../services/totp.js';
import type { AppContext } from '../context.js';
import { eq } from 'drizzle-orm';
import { applications, organisations, registryEntries, rounds, users } from '../db/schema/index.js';
import { sampleApplicationData } from '../db/seed/sampleApplication.js';
import { createSession, SESSION_COOKIE } from '../services/sessions.js';
import { demoUscc, storeDemoFile } from '../db/seed/demo.js';

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
  const token = await createSession(ctx.db, user!.id, 24 * 365, ctx.now());
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

/** A stored file in a slot, written through the real FileStore (uploads have their own tests). */
export async function makeFile(ctx: AppContext, applicationId: string, opts: { slot: 'narrative' | 'supporting' | 'brochure'; name?: string; bytes?: Buffer; kind?: string }) {
  const bytes = opts.bytes ?? Buffer.from(`%PDF-1.4 sample ${Math.random()}`);
  return storeDemoFile(ctx, applicationId, opts.slot, opts.name ?? `${opts.slot}.pdf`, opts.kind ?? 'pdf', bytes);
}

/** An application filled completely (form values from the spec, required files present), ready to submit. */
export async function makeCompleteApplication(ctx: AppContext, opts: { category?: Category; subType?: string | null; roundId?: string; regionCode?: string } = {}) {
  const made = await makeApplication(ctx, opts);
  const round = (await ctx.db.select().from(rounds).where(eq(rounds.id, made.application.roundId)))[0]!;
  const data = sampleApplicationData(made.application.category as Category, { round: round.config, subType: made.application.subType });
  await ctx.db.update(applications).set({ data }).where(eq(applications.id, made.application.id));
  await makeFile(ctx, made.application.id, { slot: 'narrative', name: '文字说明材料.docx', kind: 'docx' });
  await makeFile(ctx, made.application.id, { slot: 'supporting', name: '审计报告.pdf' });
  return { ...made, data, round };
}

/** An authority account of a region (level from the code), logged in. */
export async function makeAuthority(ctx: AppContext, regionCode: string, opts: { displayName?: string; passwordHash?: string; totp?: boolean } = {}) {
  const [user] = await ctx.db
    .insert(users)
    .values({
      role: 'authority',
      username: `gov${regionCode}_${next()}`,
      regionCode,
      level: levelOf(regionCode),
      displayName: opts.displayName ?? `${regionCode}主管部门`,
      passwordHash: opts.passwordHash ?? 'x',
      // Authorities must have a second factor; the factory's accounts have one already.
      ...(opts.totp === false ? {} : { totpSecretEnc: ctx.personalData.protect(newTotpSecret()), totpEnabledAt: ctx.now() }),
    })
    .returning();
  const token = await createSession(ctx.db, user!.id, 24 * 365, ctx.now());
  return { user: user!, cookie: `${SESSION_COOKIE}=${token}` };
}

/** A complete application, submitted through the real command (so it has a number and a snapshot). */
export async function makeSubmittedApplication(ctx: AppContext, opts: { category?: Category; subType?: string | null; roundId?: string; regionCode?: string } = {}) {
  const made = await makeCompleteApplication(ctx, opts);
  const actor = { id: made.applicant.user.id, role: 'applicant' as const, regionCode: null, ip: null };
  const { number } = await submitApplication(ctx, actor, made.application.id, { idempotencyKey: `factory-${made.application.id}` });
  return { ...made, number };
}
