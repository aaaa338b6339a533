import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant } from '../../test/factories.js';
import { sessions } from '../../db/schema/index.js';
import { hashPassword } from '../../services/passwords.js';

const PASSWORD = 'Qiye@2026x';

describe('sessions', () => {
  let t: TestServer;
  let hash: string;
  beforeAll(async () => {
    t = await getTestServer({ SESSION_TTL_HOURS: 2 });
    hash = await hashPassword(PASSWORD);
  });
  afterAll(() => t.close());

  let ipSeq = 1;
  const ip = () => `10.30.${Math.floor(ipSeq / 250)}.${ipSeq++ % 250}`;
  const start = Date.now();
  const at = (minutes: number) => t.setNow(new Date(start + minutes * 60_000));
  async function loginCookie(mobile: string, password = PASSWORD) {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: mobile, password }, headers: { 'x-forwarded-for': ip() } });
    expect(res.statusCode).toBe(200);
    return `fw_sid=${res.cookies.find((c) => c.name === 'fw_sid')!.value}`;
  }
  /** An applicant with a known password and no session yet (the factory's own session is dropped). */
  async function account() {
    const made = await makeApplicant(t.ctx, { passwordHash: hash });
    await t.ctx.db.delete(sessions).where(eq(sessions.userId, made.user.id));
    return made;
  }
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }).then((r) => r.statusCode);

  it('ends a session after 30 idle minutes; activity keeps it alive', async () => {
    const { mobile } = await account();
    try {
      at(0);
      const cookie = await loginCookie(mobile);
      at(29);
      expect(await me(cookie)).toBe(200);
      at(58);
      expect(await me(cookie)).toBe(200);
      at(89);
      expect(await me(cookie)).toBe(401);
      // Gone for good, even if the clock went back.
      at(60);
      expect(await me(cookie)).toBe(401);
    } finally {
      t.setNow(null);
    }
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const { mobile } = await account();
    try {
      at(0);
      const cookie = await loginCookie(mobile);
      for (let m = 20; m < 120; m += 20) {
        at(m);
        expect(await me(cookie), `${m} min`).toBe(200);
      }
      at(120);
      expect(await me(cookie)).toBe(401);
    } finally {
      t.setNow(null);
    }
  });

  it('writes lastSeenAt at most once a minute', async () => {
    const { mobile, user } = await account();
    const seen = async () => (await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id)))[0]!.lastSeenAt.getTime();
    try {
      at(0);
      const cookie = await loginCookie(mobile);
      const first = await seen();
      t.setNow(new Date(start + 30_000));
      await me(cookie);
      expect(await seen()).toBe(first);
      t.setNow(new Date(start + 61_000));
      await me(cookie);
      expect(await seen()).toBe(start + 61_000);
    } finally {
      t.setNow(null);
    }
  });

  it('issues a new session token at every login and ends the old one', async () => {
    const { mobile } = await account();
    const first = await loginCookie(mobile);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: mobile, password: PASSWORD }, headers: { cookie: first, 'x-forwarded-for': ip() } });
    const second = `fw_sid=${res.cookies.find((c) => c.name === 'fw_sid')!.value}`;
    expect(second).not.toBe(first);
    expect(await me(first)).toBe(401);
    expect(await me(second)).toBe(200);
  });

  it('logs out everywhere: every session of the account ends, others stay', async () => {
    const { mobile } = await account();
    const other = await makeApplicant(t.ctx);
    const a = await loginCookie(mobile);
    const b = await loginCookie(mobile);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: a } });
    expect(res.statusCode).toBe(200);
    expect(res.json().ended).toBe(2);
    expect(await me(a)).toBe(401);
    expect(await me(b)).toBe(401);
    expect(await me(other.cookie)).toBe(200);
  });

  it('changing the password ends every other session and keeps the caller logged in', async () => {
    const { mobile } = await account();
    const a = await loginCookie(mobile);
    const b = await loginCookie(mobile);
    const change = (cookie: string, body: object) => t.app.inject({ method: 'POST', url: '/api/auth/change-password', payload: body, headers: { cookie, 'x-forwarded-for': ip() } });
    const wrong = await change(a, { currentPassword: 'Nope#2026x', newPassword: 'Fresh#Pw2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.currentPassword).toBe('当前密码不正确');
    expect((await change(a, { currentPassword: PASSWORD, newPassword: 'Password@2026' })).json().fields.newPassword).toBe('该密码过于常见，请换一个');
    const ok = await change(a, { currentPassword: PASSWORD, newPassword: 'Fresh#Pw2026' });
    expect(ok.statusCode).toBe(200);
    const fresh = `fw_sid=${ok.cookies.find((c) => c.name === 'fw_sid')!.value}`;
    expect(await me(a)).toBe(401);
    expect(await me(b)).toBe(401);
    expect(await me(fresh)).toBe(200);
    await loginCookie(mobile, 'Fresh#Pw2026');
  });
});
