import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { randomMobile } from '../../test/factories.js';
import { smsOutbox, users } from '../../db/schema/index.js';

const PASSWORD = 'Qiye@2026x';

describe('accounts', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  /** Reads the newest code from the local outbox, as a tester would. */
  async function lastCode(): Promise<string> {
    const [row] = await t.ctx.db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(1);
    return /验证码为(\d{6})/.exec(row!.text)![1]!;
  }
  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload, headers });
  /** The rate limiter keys by IP; each scenario uses its own address. */
  let ipSeq = 1;
  const ip = () => `10.0.${Math.floor(ipSeq / 250)}.${ipSeq++ % 250}`;

  it('registers with an SMS code, sets a session cookie and answers /me with the masked number', async () => {
    const mobile = randomMobile();
    const addr = ip();
    expect((await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': addr })).statusCode).toBe(200);
    const res = await post('/api/auth/register', { mobile, code: await lastCode(), password: PASSWORD }, { 'x-forwarded-for': addr });
    expect(res.statusCode).toBe(200);
    expect(res.json().mobileMasked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    const cookie = res.cookies.find((c) => c.name === 'fw_sid')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { fw_sid: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json().role).toBe('applicant');
  });

  it('stores the mobile number encrypted, never in plain text', async () => {
    const rows = await t.ctx.db.select().from(users);
    for (const u of rows) expect(JSON.stringify(u)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('refuses a taken number with a clear message at the field', async () => {
    const mobile = randomMobile();
    const addr = ip();
    await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': addr });
    await post('/api/auth/register', { mobile, code: await lastCode(), password: PASSWORD }, { 'x-forwarded-for': addr });
    const again = await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': ip() });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields.mobile).toBe('该手机号已注册');
  });

  it('refuses a wrong code, a reused code and an expired code', async () => {
    const mobile = randomMobile();
    await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': ip() });
    const code = await lastCode();
    const wrong = await post('/api/auth/register', { mobile, code: code === '000000' ? '111111' : '000000', password: PASSWORD }, { 'x-forwarded-for': ip() });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.code).toContain('验证码');
    expect((await post('/api/auth/register', { mobile, code, password: PASSWORD }, { 'x-forwarded-for': ip() })).statusCode).toBe(200);
    // Single use: the same code cannot reset the password afterwards.
    const reuse = await post('/api/auth/reset-password', { mobile, code, password: 'Other#2026' }, { 'x-forwarded-for': ip() });
    expect(reuse.statusCode).toBe(400);

    const late = randomMobile();
    await post('/api/auth/sms-code', { mobile: late, purpose: 'register' }, { 'x-forwarded-for': ip() });
    const lateCode = await lastCode();
    t.setNow(new Date(Date.now() + (t.ctx.env.SMS_CODE_TTL_MINUTES + 1) * 60_000));
    try {
      expect((await post('/api/auth/register', { mobile: late, code: lateCode, password: PASSWORD }, { 'x-forwarded-for': ip() })).statusCode).toBe(400);
    } finally {
      t.setNow(null);
    }
  });

  it('voids a code after five wrong guesses', async () => {
    const mobile = randomMobile();
    await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': ip() });
    const code = await lastCode();
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) await post('/api/auth/register', { mobile, code: wrongCode, password: PASSWORD }, { 'x-forwarded-for': ip() });
    expect((await post('/api/auth/register', { mobile, code, password: PASSWORD }, { 'x-forwarded-for': ip() })).statusCode).toBe(400);
  });

  it('limits code requests per number (60 s cooldown) and per address (5 a minute)', async () => {
    const mobile = randomMobile();
    expect((await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': ip() })).statusCode).toBe(200);
    const again = await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': ip() });
    expect(again.statusCode).toBe(429);
    expect(again.json().message).toMatch(/秒后再试/);
    const addr = ip();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await post('/api/auth/sms-code', { mobile: randomMobile(), purpose: 'register' }, { 'x-forwarded-for': addr })).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes[5]).toBe(429);
  });

  it('rejects bad input with Chinese messages at the field', async () => {
    const res = await post('/api/auth/register', { mobile: '12345', code: 'abc', password: 'short' }, { 'x-forwarded-for': ip() });
    expect(res.statusCode).toBe(400);
    const { fields } = res.json();
    expect(fields.mobile).toBe('请输入正确的11位手机号码');
    expect(fields.code).toBe('请输入6位数字验证码');
    expect(fields.password).toMatch(/密码长度至少8位/);
    const weak = await post('/api/auth/register', { mobile: randomMobile(), code: '123456', password: 'alllowercase' }, { 'x-forwarded-for': ip() });
    expect(weak.json().fields.password).toMatch(/至少3类/);
  });

  it('logs in, logs out, and resets the password by SMS (old sessions end)', async () => {
    const mobile = randomMobile();
    await post('/api/auth/sms-code', { mobile, purpose: 'register' }, { 'x-forwarded-for': ip() });
    await post('/api/auth/register', { mobile, code: await lastCode(), password: PASSWORD }, { 'x-forwarded-for': ip() });

    const bad = await post('/api/auth/login', { login: mobile, password: 'Wrong#2026' }, { 'x-forwarded-for': ip() });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().message).toBe('手机号/账号或密码错误');
    const login = await post('/api/auth/login', { login: mobile, password: PASSWORD }, { 'x-forwarded-for': ip() });
    expect(login.statusCode).toBe(200);
    const sid = login.cookies.find((c) => c.name === 'fw_sid')!.value;

    t.setNow(new Date(Date.now() + 61_000));
    try {
      expect((await post('/api/auth/sms-code', { mobile, purpose: 'reset' }, { 'x-forwarded-for': ip() })).statusCode).toBe(200);
      const reset = await post('/api/auth/reset-password', { mobile, code: await lastCode(), password: 'NewPass#2026' }, { 'x-forwarded-for': ip() });
      expect(reset.statusCode).toBe(200);
    } finally {
      t.setNow(null);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { fw_sid: sid } })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { login: mobile, password: PASSWORD }, { 'x-forwarded-for': ip() })).statusCode).toBe(401);
    const relog = await post('/api/auth/login', { login: mobile, password: 'NewPass#2026' }, { 'x-forwarded-for': ip() });
    expect(relog.statusCode).toBe(200);
    const sid2 = relog.cookies.find((c) => c.name === 'fw_sid')!.value;
    expect((await post('/api/auth/logout', {}, { cookie: `fw_sid=${sid2}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { fw_sid: sid2 } })).statusCode).toBe(401);
  });

  it('refuses a reset code for an unregistered number', async () => {
    const res = await post('/api/auth/sms-code', { mobile: randomMobile(), purpose: 'reset' }, { 'x-forwarded-for': ip() });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('该手机号尚未注册');
  });

  it('locks an address after five failed logins (429 with the time to retry)', async () => {
    const addr = ip();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await post('/api/auth/login', { login: randomMobile(), password: 'Wrong#2026' }, { 'x-forwarded-for': addr })).statusCode);
    expect(codes.slice(0, 4).every((c) => c === 401)).toBe(true);
    expect(codes.slice(4)).toEqual([429, 429]);
  });
});
