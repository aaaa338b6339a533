import { THIRD_NATIONAL_ROUND, type Category } from '@fw/shared';
import type { AppContext } from '../../apps/server/src/context.js';
import { applications, organisations, sessions, users } from '../../apps/server/src/db/schema/index.js';
import { sampleApplicationData } from '../../apps/server/src/db/seed/sampleApplication.js';
import { hashPassword } from '../../apps/server/src/services/passwords.js';
import { createSession, SESSION_COOKIE } from '../../apps/server/src/services/sessions.js';
import { makeFile } from '../../apps/server/src/test/factories.js';
import { submitApplication } from '../../apps/server/src/commands/applications/submitApplication.js';

export const BENCH_PASSWORD = 'Bench@2026x';

export interface SessionClient {
  applicationId: string;
  cookie: string;
  version: number;
}

export interface SurgeApplicant {
  mobile: string;
  applicationId: string;
}

/** Shenzhen and the rest of Guangdong: where the deadline surge's applicants register. */
const SURGE_REGIONS = ['440303', '440304', '440305', '440306', '440307', '440106', '440112', '440605'];

const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

/**
 * Certified applicants, each with an application in the round, inserted in batches. `data` is the
 * application's starting form; with `session` each gets a long-lived session (the autosave and upload
 * benchmarks measure their routes, not logging in).
 */
async function makeApplicants(ctx: AppContext, o: { roundId: string; count: number; tag: string; data: (i: number) => Record<string, unknown>; mobile?: (i: number) => string; passwordHash: string; session: boolean }) {
  const contact = { name: '基准联系人', position: '经理', mobileEnc: ctx.personalData.protect('13912345678'), emailEnc: ctx.personalData.protect('bench@example.cn') };
  const out: { applicationId: string; userId: string; mobile: string | null; cookie: string | null }[] = [];
  for (const part of chunks([...Array(o.count).keys()], 500)) {
    const us = await ctx.db
      .insert(users)
      .values(part.map((i) => {
        const mobile = o.mobile?.(i);
        return { role: 'applicant', passwordHash: o.passwordHash, mobileEnc: mobile ? ctx.personalData.protect(mobile) : null, mobileIndex: mobile ? ctx.personalData.blindIndex(mobile) : null };
      }))
      .returning({ id: users.id });
    const orgs = await ctx.db
      .insert(organisations)
      .values(us.map((u, k) => {
        const i = part[k]!;
        const region = SURGE_REGIONS[i % SURGE_REGIONS.length]!;
        return { userId: u.id, entry: 'enterprise', uscc: `91${region}B${o.tag}${String(i).padStart(6, '0')}X`.slice(0, 18), name: `基准${o.tag}${i}号装备制造有限公司`, regionCode: region, registry: { legalRepresentative: '李四', registeredCapital: '2000万元人民币', orgType: '有限责任公司', address: '测试地址2号', establishedOn: '2012-01-01', businessStatus: '存续' }, certifiedAt: ctx.now(), contact };
      }))
      .returning({ id: organisations.id, regionCode: organisations.regionCode });
    const apps = await ctx.db
      .insert(applications)
      .values(orgs.map((org, k) => ({ roundId: o.roundId, organisationId: org.id, category: 'enterprise', regionCode: org.regionCode!, data: o.data(part[k]!) })))
      .returning({ id: applications.id });
    for (let k = 0; k < part.length; k++) {
      const cookie = o.session ? `${SESSION_COOKIE}=${await createSession(ctx.db, us[k]!.id, 24, ctx.now())}` : null;
      out.push({ applicationId: apps[k]!.id, userId: us[k]!.id, mobile: o.mobile?.(part[k]!) ?? null, cookie });
    }
  }
  return out;
}

export async function seedClients(ctx: AppContext, o: { roundId: string; autosave: number; surge: number; uploads: number }) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const full = sampleApplicationData('enterprise' as Category, { round: THIRD_NATIONAL_ROUND, subType: null });

  const autosave = await makeApplicants(ctx, { roundId: o.roundId, count: o.autosave, tag: 'A', data: () => full, passwordHash, session: true });
  // The surge's applicants start from an empty form: the journey fills every field, then uploads.
  const surge = await makeApplicants(ctx, { roundId: o.roundId, count: o.surge, tag: 'S', data: () => ({}), mobile: (i) => `137${String(i).padStart(8, '0')}`, passwordHash, session: false });
  const uploads = await makeApplicants(ctx, { roundId: o.roundId, count: o.uploads, tag: 'U', data: () => full, passwordHash, session: true });

  // The PDF benchmark's application: every field filled to its maximum, with its files, submitted.
  const max = sampleApplicationData('enterprise' as Category, { round: THIRD_NATIONAL_ROUND, subType: null }, 1, 'max');
  const [pdf] = await makeApplicants(ctx, { roundId: o.roundId, count: 1, tag: 'P', data: () => max, passwordHash, session: true });
  await makeFile(ctx, pdf!.applicationId, { slot: 'narrative', name: '文字说明材料.docx', kind: 'docx' });
  await makeFile(ctx, pdf!.applicationId, { slot: 'supporting', name: '审计报告.pdf' });
  await makeFile(ctx, pdf!.applicationId, { slot: 'brochure', name: '企业宣传册.pdf' });
  await submitApplication(ctx, { id: pdf!.userId, role: 'applicant', regionCode: null, ip: null }, pdf!.applicationId, { idempotencyKey: 'bench-pdf-submit' });

  return {
    autosave: autosave.map((c) => ({ applicationId: c.applicationId, cookie: c.cookie!, version: 0 })),
    surge: surge.map((c) => ({ applicationId: c.applicationId, mobile: c.mobile! })),
    uploads: uploads.map((c) => ({ applicationId: c.applicationId, cookie: c.cookie! })),
    pdf: { applicationId: pdf!.applicationId, cookie: pdf!.cookie! },
    /** The ~20 field saves of a journey, in form order (the last one edits the first field again). */
    journeyFields: [...Object.entries(full), ['mainBusiness', `${full.mainBusiness}（修订）`]] as [string, unknown][],
  };
}
void sessions;
