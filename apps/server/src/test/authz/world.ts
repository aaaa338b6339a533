import { eq } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import { applications, files, organisations, registryEntries, rounds, users } from '../../db/schema/index.js';
import { submitApplication } from '../../commands/applications/submitApplication.js';
import { closeRegion } from '../../commands/review/closeRegion.js';
import { reopenApplication } from '../../commands/review/reopenApplication.js';
import argon2 from 'argon2';
import { createSession, SESSION_COOKIE } from '../../services/sessions.js';
import { insertRecommended } from '../../routes/authority/reviewFixtures.js';
import { makeApplicant, makeApplication, makeAuthority, makeCompleteApplication, makeFile, makeRound, makeSubmittedApplication } from '../factories.js';
import type { TestServer } from '../testServer.js';
import { REGION, type Role } from './roles.js';
import { buildStage45, EXPERT_NAME, INSPECTION_FILE, NOTIFICATION_BODY, OBJECTOR, OTHER_EXPERT_NAME, type Stage45 } from './world45.js';

/** A name no other row can contain, so finding it in a response means B's data leaked. */
export const B_NAME = '乙地保密智造科技有限公司';
/** Another region-B applicant whose application district B has not recommended: above it, nobody sees it. */
export const LOW_NAME = '乙地未推荐服务有限公司';
export const OWNER_PASSWORD = 'Owner@2026x';

/** Region B's data and everyone who calls; built once per test file. */
export interface World {
  /** A national round reviewed district → city → province → ministry; B's application is in it. */
  roundId: string;
  /** A round organised by province B (district → city → province): none of region A's business. */
  localRoundId: string;
  app: { id: string; number: string; uscc: string; version: number };
  /** Submitted in district B, not recommended: only district B may reach it. */
  lowApp: { id: string; number: string; fileId: string; secrets: string[] };
  owner: { mobile: string };
  files: { narrative: string; supporting: string; spare: string };
  /** A tus upload the owner started and did not finish. */
  uploadId: string;
  /** Opened by city B (whole application) after B's regions closed. */
  reopeningId: string;
  /** A second district-B account: what city B may reset and nobody else may. */
  resetTarget: { id: string; username: string };
  userIds: Record<Exclude<Role, 'anonymous'>, string>;
  /** An application the role may open itself: paired with B's file id, it must not open B's file. */
  ownAppIds: Partial<Record<Role, string>>;
  /** Strings that identify B's application: none may reach a caller who must not see it. */
  secrets: string[];
  /** Stages 4–5 in the national round (organised by the ministry). */
  s45: Stage45;
  /** The ministry pool's expert names (pool routes), the objector's contact, the owner's notification. */
  poolSecrets: string[];
  objectorSecrets: string[];
  notificationSecrets: string[];
}

const authorityActor = (u: { id: string; regionCode: string | null; level: string | null }): Actor => ({
  id: u.id,
  role: 'authority',
  regionCode: u.regionCode,
  level: u.level as Actor['level'],
  ip: null,
});

export async function buildWorld(t: TestServer): Promise<World> {
  const { ctx } = t;
  const round = await makeRound(ctx, { config: { reviewLevels: ['district', 'city', 'province', 'ministry'] } });
  const localRound = await makeRound(ctx, { config: { reviewLevels: ['district', 'city', 'province'] } });
  await ctx.db.update(rounds).set({ organiserRegion: REGION.provinceB, name: '江苏省测试批次' }).where(eq(rounds.id, localRound.id));

  // Region B's applicant: renamed before the submit so the snapshot, PDF and lists carry B_NAME.
  const made = await makeCompleteApplication(ctx, { roundId: round.id, regionCode: REGION.districtB });
  await ctx.db.update(organisations).set({ name: B_NAME }).where(eq(organisations.id, made.org.id));
  await ctx.db.update(registryEntries).set({ name: B_NAME }).where(eq(registryEntries.uscc, made.org.uscc!));
  await ctx.db.update(users).set({ passwordHash: await cheapHash(OWNER_PASSWORD) }).where(eq(users.id, made.applicant.user.id));
  const ownerActor: Actor = { id: made.applicant.user.id, role: 'applicant', regionCode: null, ip: null };
  const { number } = await submitApplication(ctx, ownerActor, made.application.id, { idempotencyKey: `authz-${made.application.id}` });
  const spare = await makeFile(ctx, made.application.id, { slot: 'brochure', name: '宣传册.pdf' });
  const fileRows = await ctx.db.select().from(files).where(eq(files.applicationId, made.application.id));
  const fileOf = (slot: string) => fileRows.find((f) => f.slot === slot)!.id;

  const low = await makeCompleteApplication(ctx, { roundId: round.id, regionCode: REGION.districtB });
  await ctx.db.update(organisations).set({ name: LOW_NAME }).where(eq(organisations.id, low.org.id));
  const lowSubmitted = await submitApplication(ctx, { id: low.applicant.user.id, role: 'applicant', regionCode: null, ip: null }, low.application.id, { idempotencyKey: `authz-${low.application.id}` });
  const [lowFile] = await ctx.db.select().from(files).where(eq(files.applicationId, low.application.id));

  const other = await makeApplication(ctx, { roundId: round.id, regionCode: REGION.districtB });
  const noOrg = await makeApplicant(ctx);
  // Region A has business of its own in the round, so its lists are not empty by accident.
  const mineA = await makeSubmittedApplication(ctx, { roundId: round.id, regionCode: REGION.districtA });
  await insertRecommended(ctx, mineA.application, REGION.districtA, 1);

  const authority = async (key: keyof typeof REGION) => (await makeAuthority(ctx, REGION[key])).user;
  const a = {
    districtA: await authority('districtA'),
    cityA: await authority('cityA'),
    provinceA: await authority('provinceA'),
    ministry: await authority('ministry'),
    districtB: await authority('districtB'),
    cityB: await authority('cityB'),
    provinceB: await authority('provinceB'),
  };
  const pending = (await makeAuthority(ctx, REGION.cityB)).user;
  await ctx.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, pending.id));
  const noTotp = (await makeAuthority(ctx, REGION.cityB, { totp: false })).user;
  const resetTarget = (await makeAuthority(ctx, REGION.districtB)).user;

  // The owner starts an upload while its region is still open.
  const ownerCookie = `${SESSION_COOKIE}=${await createSession(ctx.db, made.applicant.user.id, 1, ctx.now())}`;
  const uploadId = await startUpload(t, ownerCookie, made.application.id);

  // B's district and city recommended it upward, the province to the ministry; all three closed.
  for (const level of ['districtB', 'cityB', 'provinceB'] as const) {
    await insertRecommended(ctx, made.application, REGION[level], 1);
    await closeRegion(ctx, authorityActor(a[level]), round.id);
  }
  const reopening = await reopenApplication(ctx, authorityActor(a.cityB), made.application.id, {
    reason: '补正材料',
    expiresAt: new Date(ctx.now().getTime() + 7 * 86400_000),
    scope: { whole: true, sections: [], slots: [] },
  });
  const [appRow] = await ctx.db.select().from(applications).where(eq(applications.id, made.application.id));
  const s45 = await buildStage45(t, { roundId: round.id, localRoundId: localRound.id, appId: made.application.id, ministry: authorityActor(a.ministry), ownerId: made.applicant.user.id });

  return {
    roundId: round.id,
    localRoundId: localRound.id,
    app: { id: made.application.id, number, uscc: made.org.uscc!, version: appRow!.version },
    owner: { mobile: made.applicant.mobile },
    files: { narrative: fileOf('narrative'), supporting: fileOf('supporting'), spare: spare.id },
    lowApp: {
      id: low.application.id,
      number: lowSubmitted.number,
      fileId: lowFile!.id,
      secrets: [LOW_NAME, low.org.uscc!, lowSubmitted.number, low.application.id, lowFile!.id],
    },
    uploadId,
    reopeningId: reopening.id,
    resetTarget: { id: resetTarget.id, username: resetTarget.username! },
    userIds: {
      applicantNoOrg: noOrg.user.id,
      applicantOther: other.applicant.user.id,
      owner: made.applicant.user.id,
      ...Object.fromEntries(Object.entries(a).map(([k, u]) => [k, u.id])),
      firstLoginPending: pending.id,
      noTotp: noTotp.id,
      ...s45.expertIds,
    } as World['userIds'],
    ownAppIds: { applicantOther: other.application.id, districtA: mineA.application.id, cityA: mineA.application.id },
    secrets: [B_NAME, made.org.uscc!, number, made.application.id, fileOf('narrative'), fileOf('supporting'), spare.id, uploadId, reopening.id, made.applicant.mobile, OBJECTOR.contact, OBJECTOR.name, EXPERT_NAME, ...s45.gatedTaskIds, s45.objectionId, s45.assignmentId, s45.inspectionId, s45.inspectionFileId, INSPECTION_FILE, NOTIFICATION_BODY],
    s45,
    poolSecrets: [EXPERT_NAME, OTHER_EXPERT_NAME, s45.expertIds.expertAssigned, s45.expertIds.expertOther],
    objectorSecrets: [OBJECTOR.name, OBJECTOR.contact, s45.objectionId],
    notificationSecrets: [NOTIFICATION_BODY, s45.notificationId],
  };
}

/** tus creation (no bytes yet); returns the upload id from the Location header. */
async function startUpload(t: TestServer, cookie: string, applicationId: string): Promise<string> {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { cookie, 'tus-resumable': '1.0.0', 'upload-length': '64', 'upload-metadata': `applicationId ${b64(applicationId)},slot ${b64('supporting')},filename ${b64('补充材料.pdf')},filetype ${b64('application/pdf')}` },
  });
  if (res.statusCode !== 201) throw new Error(`upload did not start: ${res.statusCode} ${res.body}`);
  return res.headers.location!.split('/').pop()!;
}

/** The app verifies with the parameters stored in the hash: a light one keeps a dozen logins fast. */
function cheapHash(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
}
