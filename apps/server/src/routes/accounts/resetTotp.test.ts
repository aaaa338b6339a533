import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { auditEvents, recoveryCodes, sessions, users } from '../../db/schema/index.js';
import { hashPassword } from '../../services/passwords.js';
import { currentTotp, hashRecoveryCode, newRecoveryCodes } from '../../services/totp.js';

const PASSWORD = 'Chengshi@2026x';
const REASON = '手机遗失，经电话核实为本人';

describe('resetting the second factor of an account below', () => {
  let t: TestServer;
  let hash: string;
  beforeAll(async () => {
    t = await getTestServer();
    hash = await hashPassword(PASSWORD);
  });
  afterAll(() => t.close());

  let ipSeq = 1;
  const post = (url: string, cookie: string, payload: object = {}) => t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'x-forwarded-for': `10.78.0.${ipSeq++ % 250}` } });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const reset = (id: string, cookie: string, reason: unknown = REASON) => post(`/api/accounts/${id}/reset-totp`, cookie, { reason });

  /** A Guangzhou city account with a second factor, ten recovery codes and an open session. */
  async function enrolledCity() {
    const city = await makeAuthority(t.ctx, '440100', { passwordHash: hash });
    await t.ctx.db.insert(recoveryCodes).values(newRecoveryCodes().map((c) => ({ userId: city.user.id, codeHash: hashRecoveryCode(c) })));
    return city;
  }

  it('clears the secret and recovery codes, ends the sessions, audits the reason; the holder must enrol again', async () => {
    const gd = await makeAuthority(t.ctx, '440000');
    const city = await enrolledCity();
    expect((await get('/api/auth/me', city.cookie)).statusCode).toBe(200);
    const listed = (await get('/api/accounts', gd.cookie)).json() as { id: string; totpEnabled: boolean; canReset: boolean }[];
    expect(listed.find((a) => a.id === city.user.id)).toMatchObject({ totpEnabled: true, canReset: true });

    const res = await reset(city.user.id, gd.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 1 });

    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, city.user.id));
    expect(row).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null });
    expect(await t.ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, city.user.id))).toHaveLength(0);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, city.user.id))).toHaveLength(0);
    expect((await get('/api/auth/me', city.cookie)).statusCode).toBe(401);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.reset_totp'), eq(auditEvents.subjectId, city.user.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: gd.user.id, regionCode: '440100' });
    expect(audit[0]!.detail).toMatchObject({ reason: REASON, recoveryCodesVoided: 10, sessionsEnded: 1 });
    expect(((await get('/api/accounts', gd.cookie)).json() as { id: string; totpEnabled: boolean }[]).find((a) => a.id === city.user.id)!.totpEnabled).toBe(false);

    // The password alone opens a session that reaches nothing but enrolment.
    const login = await post('/api/auth/login', '', { login: city.user.username!, password: PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ role: 'authority', totpRequired: true, totpEnabled: false });
    const cookie = `fw_sid=${login.cookies.find((c) => c.name === 'fw_sid')!.value}`;
    const blocked = await get('/api/accounts', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TOTP_REQUIRED');
    const { secret } = (await post('/api/auth/totp/enrol', cookie)).json();
    expect((await post('/api/auth/totp/confirm', cookie, { code: currentTotp(secret, t.ctx.now()) })).statusCode).toBe(200);
    expect((await get('/api/accounts', cookie)).statusCode).toBe(200);
  });

  it('answers 404 to a foreign region and to levels that did not issue the account, 403 to the own region', async () => {
    const city = await enrolledCity();
    const foreignProvince = await makeAuthority(t.ctx, '320000');
    const foreignCity = await makeAuthority(t.ctx, '320500');
    const ministry = await makeAuthority(t.ctx, '000000');
    const ownDistrict = await makeAuthority(t.ctx, '440112');
    for (const other of [foreignProvince, foreignCity, ministry, ownDistrict]) {
      const res = await reset(city.user.id, other.cookie);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('账号不存在或无权访问');
    }
    const peer = await makeAuthority(t.ctx, '440100');
    expect((await reset(city.user.id, peer.cookie)).statusCode).toBe(403);
    const applicant = await makeApplicant(t.ctx);
    expect((await reset(city.user.id, applicant.cookie)).statusCode).toBe(403);
    expect((await reset('00000000-0000-4000-8000-000000000000', (await makeAuthority(t.ctx, '440000')).cookie)).statusCode).toBe(404);

    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, city.user.id));
    expect(row!.totpEnabledAt).not.toBeNull();
    expect((await get('/api/auth/me', city.cookie)).statusCode).toBe(200);
    expect(await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.reset_totp'), eq(auditEvents.subjectId, city.user.id)))).toHaveLength(0);
  });

  it('requires a reason, and refuses an account without a second factor with 409', async () => {
    const gd = await makeAuthority(t.ctx, '440000');
    const city = await enrolledCity();
    for (const body of [{}, { reason: '' }, { reason: '  丢了 ' }]) {
      const res = await post(`/api/accounts/${city.user.id}/reset-totp`, gd.cookie, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.reason).toMatch(/重置原因/);
    }
    expect((await reset(city.user.id, gd.cookie, '很'.repeat(201))).statusCode).toBe(400);

    const fresh = await makeAuthority(t.ctx, '440100', { totp: false });
    const res = await reset(fresh.user.id, gd.cookie);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('尚未绑定动态口令');
  });
});
