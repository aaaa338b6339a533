import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { makeApplicant, makeAuthority, makeRound, makeSubmittedApplication } from '../test/factories.js';
import { objections, organisations, publicNotices, smsOutbox, submissions, users } from '../db/schema/index.js';
import { buildApp } from '../app.js';
import { injectCsrf } from '../test/testServer.js';
import { hashPassword } from './passwords.js';
import { createPersonalData, type PersonalData } from './personalData.js';
import { leftUnderOtherKeys, rotatePersonalData } from './personalDataRotation.js';

const K2 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const K0 = '00112233445566778899aabbccddeeff';
const INDEX2 = 'f'.repeat(16) + '0123456789abcdef' + 'e'.repeat(32);
const PASSWORD = 'Qiye@2026rot';

describe('personal data key rotation', () => {
  let t: TestServer;
  let k2: PersonalData;
  /** Reads k2 only: proves nothing still needs k1. */
  let k2Only: PersonalData;
  let oldIndex: PersonalData;
  const plain = { mobile: '', contactMobile: '13712340001', totp: 'JBSWY3DPEHPK3PXP', outbox: '13712340002', objector: 'objector@example.com' };
  let ids: { applicant: string; authority: string; organisation: string; submission: string; objection: string };

  beforeAll(async () => {
    t = await getTestServer();
    const env = t.ctx.env;
    k2 = createPersonalData({ key: K2, keyId: 'k2', oldKeys: { k1: env.PERSONAL_DATA_KEY! }, indexKey: INDEX2 });
    k2Only = createPersonalData({ key: K2, keyId: 'k2', indexKey: INDEX2 });
    oldIndex = createPersonalData({ key: env.PERSONAL_DATA_KEY!, indexKey: env.BLIND_INDEX_KEY! });

    // Everything written under k1, as before the rotation.
    const applicant = await makeApplicant(t.ctx, { passwordHash: await hashPassword(PASSWORD) });
    plain.mobile = applicant.mobile;
    const authority = await makeAuthority(t.ctx, '440300');
    await t.ctx.db
      .update(users)
      .set({ contact: { name: '李科长', mobileEnc: t.ctx.personalData.protect(plain.contactMobile) }, totpSecretEnc: t.ctx.personalData.protect(plain.totp) })
      .where(eq(users.id, authority.user.id));
    const made = await makeSubmittedApplication(t.ctx);
    await t.ctx.sms.sendCode(plain.outbox, '123456', 'register');
    const [sub] = await t.ctx.db.select().from(submissions).where(eq(submissions.applicationId, made.application.id));
    const round = await makeRound(t.ctx);
    const [notice] = await t.ctx.db
      .insert(publicNotices)
      .values({ roundId: round.id, title: '公示', startsAt: t.ctx.now(), endsAt: new Date(t.ctx.now().getTime() + 86_400_000), createdBy: authority.user.id })
      .returning();
    const [objection] = await t.ctx.db
      .insert(objections)
      .values({ noticeId: notice!.id, text: '异议内容', contactName: '赵六', contactEnc: t.ctx.personalData.protect(plain.objector) })
      .returning();
    ids = { applicant: applicant.user.id, authority: authority.user.id, organisation: made.application.organisationId, submission: sub!.id, objection: objection!.id };
  });
  afterAll(() => t.close());

  it('re-encrypts every protected column under k2 in batches; every value reads back; blind-index logins still work', async () => {
    const before = await leftUnderOtherKeys(t.ctx.db, 'k2');
    expect(Object.keys(before).sort()).toEqual(['objections.contact_enc', 'organisations.contact', 'sms_outbox.mobile_enc', 'submissions.snapshot', 'users.contact', 'users.mobile_enc', 'users.totp_secret_enc']);

    const lines: string[] = [];
    const counts = await rotatePersonalData(t.ctx.db, k2, { batchSize: 1, oldIndex, progress: (l) => lines.push(l) });
    expect(counts.reencrypted['users.mobile_enc']).toBeGreaterThanOrEqual(2);
    expect(counts.reencrypted['submissions.snapshot']).toBe(1);
    expect(counts.fromKeys).toEqual({ k1: expect.any(Number) });
    expect(counts.blindIndexes['users.mobile_index']).toBe(counts.reencrypted['users.mobile_enc']);
    // More than one batch for users: the progress shows each.
    expect(lines.filter((l) => l.startsWith('users.mobile_enc')).length).toBeGreaterThan(1);
    expect(await leftUnderOtherKeys(t.ctx.db, 'k2')).toEqual({});

    const [a] = await t.ctx.db.select().from(users).where(eq(users.id, ids.applicant));
    expect(a!.mobileEnc).toMatch(/^sm4:k2:/);
    expect(k2Only.reveal(a!.mobileEnc!)).toBe(plain.mobile);
    expect(a!.mobileIndex).toBe(k2.blindIndex(plain.mobile));
    const [au] = await t.ctx.db.select().from(users).where(eq(users.id, ids.authority));
    expect(k2Only.reveal(au!.contact!.mobileEnc)).toBe(plain.contactMobile);
    expect(au!.contact!.name).toBe('李科长');
    expect(k2Only.reveal(au!.totpSecretEnc!)).toBe(plain.totp);
    const [org] = await t.ctx.db.select().from(organisations).where(eq(organisations.id, ids.organisation));
    expect(k2Only.reveal(org!.contact!.mobileEnc)).toBe('13912345678');
    expect(k2Only.reveal(org!.contact!.emailEnc)).toBe('wang@example.com');
    const [sub] = await t.ctx.db.select().from(submissions).where(eq(submissions.id, ids.submission));
    const snapContact = (sub!.snapshot as { organisation: { contact: { name: string; mobileEnc: string; emailEnc: string } } }).organisation.contact;
    expect(k2Only.reveal(snapContact.mobileEnc)).toBe('13912345678');
    expect(k2Only.reveal(snapContact.emailEnc)).toBe('wang@example.com');
    expect(snapContact.name).toBe('王五');
    const [objection] = await t.ctx.db.select().from(objections).where(eq(objections.id, ids.objection));
    expect(k2Only.reveal(objection!.contactEnc)).toBe(plain.objector);
    const outbox = await t.ctx.db.select().from(smsOutbox);
    expect(outbox.map((r) => k2Only.reveal(r.mobileEnc))).toContain(plain.outbox);

    // An instance configured with the new keys finds the applicant by the new blind index.
    const app = await buildApp({ ...t.ctx, personalData: k2Only }, { logger: false, rateLimitNameSpace: `fw-rot-${Date.now()}-` });
    try {
      await app.ready();
      injectCsrf(app);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: plain.mobile, password: PASSWORD } });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({ role: 'applicant', mobileMasked: `${plain.mobile.slice(0, 3)}****${plain.mobile.slice(7)}` });
    } finally {
      await app.close();
    }
  });

  it('resumes: a second run finds nothing to do, and a run stopped midway finishes on the next', async () => {
    const again = await rotatePersonalData(t.ctx.db, k2, { oldIndex });
    expect(Object.values(again.reencrypted).every((n) => n === 0)).toBe(true);
    expect(again.blindIndexes['users.mobile_index']).toBe(0);

    // New rows written under k1 again (an instance not yet on the new configuration), then a run that stops after its first batch.
    for (let i = 0; i < 5; i++) await makeApplicant(t.ctx);
    let batches = 0;
    await expect(
      rotatePersonalData(t.ctx.db, k2, {
        batchSize: 2,
        progress: () => {
          if (++batches === 1) throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    expect((await leftUnderOtherKeys(t.ctx.db, 'k2'))['users.mobile_enc']).toBe(3);
    const rest = await rotatePersonalData(t.ctx.db, k2, { batchSize: 2 });
    expect(rest.reencrypted['users.mobile_enc']).toBe(3);
    expect(await leftUnderOtherKeys(t.ctx.db, 'k2')).toEqual({});
  });

  it('stops on a value under a key that is not configured, naming only its id', async () => {
    const k0 = createPersonalData({ key: K0, keyId: 'k0', indexKey: INDEX2 });
    const stray = await makeApplicant(t.ctx);
    await t.ctx.db.update(users).set({ mobileEnc: k0.protect(stray.mobile) }).where(eq(users.id, stray.user.id));
    await expect(rotatePersonalData(t.ctx.db, k2)).rejects.toThrow('personal data key "k0" is not configured');
    expect(await leftUnderOtherKeys(t.ctx.db, 'k2')).toEqual({ 'users.mobile_enc': 1 });
    const withK0 = createPersonalData({ key: K2, keyId: 'k2', oldKeys: { k1: t.ctx.env.PERSONAL_DATA_KEY!, k0: K0 }, indexKey: INDEX2 });
    expect((await rotatePersonalData(t.ctx.db, withK0)).fromKeys).toEqual({ k0: 1 });
    expect(await leftUnderOtherKeys(t.ctx.db, 'k2')).toEqual({});
  });
});
