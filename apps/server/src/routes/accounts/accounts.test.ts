import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { passwordProblem } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { auditEvents, users } from '../../db/schema/index.js';
import { importAccountsCsv } from '../../commands/accounts/importAccountsCsv.js';
import type { Actor } from '../../context.js';

describe('issuing authority accounts', () => {
  let t: TestServer;
  let ipSeq = 1;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  const post = (url: string, cookie: string, payload: object = {}) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  /** Logs in through the API from its own address (the login route is rate limited per IP). */
  const login = (name: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: name, password }, headers: { 'x-forwarded-for': `10.9.0.${ipSeq++}` } });
  const cookieOf = (res: Awaited<ReturnType<typeof login>>) => `fw_sid=${res.cookies.find((c) => c.name === 'fw_sid')!.value}`;
  let n = 0;
  const uname = (p: string) => `${p}_${Date.now() % 100000}_${++n}`;

  it('lets the ministry issue a province with a one-time password, stored as argon2, first login pending, audited', async () => {
    const ministry = await makeAuthority(t.ctx, '000000');
    const username = uname('gd');
    const res = await post('/api/accounts', ministry.cookie, { regionCode: '440000', username, displayName: '广东省工业和信息化厅', contactName: '林处长' });
    expect(res.statusCode).toBe(200);
    const { account, initialPassword } = res.json();
    expect(passwordProblem(initialPassword)).toBeNull();
    expect(account).toMatchObject({ username, regionCode: '440000', regionName: '广东省', level: 'province', mustChangePassword: true, contactName: '林处长' });
    const [row] = await t.ctx.db.select().from(users).where(eq(users.username, username));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.issuedBy).toBe(ministry.user.id);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.issue'), eq(auditEvents.subjectId, row!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(ministry.user.id);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain(initialPassword);

    const loggedIn = await login(username, initialPassword);
    expect(loggedIn.statusCode).toBe(200);
    expect(loggedIn.json()).toMatchObject({ role: 'authority', level: 'province', mustChangePassword: true });
  });

  it('lets a province issue its own cities only: another province\'s city and its own districts are refused', async () => {
    const gd = await makeAuthority(t.ctx, '440000');
    expect((await post('/api/accounts', gd.cookie, { regionCode: '440300', username: uname('sz'), displayName: '深圳市工业和信息化局' })).statusCode).toBe(200);
    const foreign = await post('/api/accounts', gd.cookie, { regionCode: '320500', username: uname('su'), displayName: '苏州市工业和信息化局' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().fields.regionCode).toContain('下一级');
    expect((await post('/api/accounts', gd.cookie, { regionCode: '440305', username: uname('ns'), displayName: '南山区' })).statusCode).toBe(403);
    expect((await post('/api/accounts', gd.cookie, { regionCode: '320000', username: uname('js'), displayName: '江苏省' })).statusCode).toBe(403);
    expect((await post('/api/accounts', gd.cookie, { regionCode: '449999', username: uname('xx'), displayName: '不存在' })).statusCode).toBe(400);
  });

  it('lets a city issue its districts; a district and an applicant may issue nothing', async () => {
    const sz = await makeAuthority(t.ctx, '440300');
    expect((await post('/api/accounts', sz.cookie, { regionCode: '440305', username: uname('ns'), displayName: '深圳市南山区工业和信息化局' })).statusCode).toBe(200);
    expect((await post('/api/accounts', sz.cookie, { regionCode: '440112', username: uname('hp'), displayName: '广州市黄埔区' })).statusCode).toBe(403);
    const ns = await makeAuthority(t.ctx, '440305');
    expect((await post('/api/accounts', ns.cookie, { regionCode: '440306', username: uname('ba'), displayName: '宝安区' })).statusCode).toBe(403);
    const applicant = await makeApplicant(t.ctx);
    expect((await post('/api/accounts', applicant.cookie, { regionCode: '440000', username: uname('gd'), displayName: '广东省' })).statusCode).toBe(403);
  });

  it('refuses a taken user name with 409 at the field, and a malformed one with 400', async () => {
    const ministry = await makeAuthority(t.ctx, '000000');
    const username = uname('dup');
    expect((await post('/api/accounts', ministry.cookie, { regionCode: '320000', username, displayName: '江苏省工业和信息化厅' })).statusCode).toBe(200);
    const again = await post('/api/accounts', ministry.cookie, { regionCode: '310000', username, displayName: '上海市经济和信息化委员会' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields.username).toBe('该账号名已被使用');
    const bad = await post('/api/accounts', ministry.cookie, { regionCode: '310000', username: 'Bad-Name', displayName: '上海' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.username).toContain('小写字母');
  });

  it('lists the own region and the regions directly below, with masked contact mobile and last login', async () => {
    const js = await makeAuthority(t.ctx, '320000');
    const su = uname('su');
    const issued = (await post('/api/accounts', js.cookie, { regionCode: '320500', username: su, displayName: '苏州市工业和信息化局' })).json();
    await t.ctx.db.update(users).set({ contact: { name: '吴科长', mobileEnc: t.ctx.personalData.protect('13712345678') } }).where(eq(users.username, su));
    await login(su, issued.initialPassword);
    const other = await makeAuthority(t.ctx, '440300');

    const list = (await get('/api/accounts', js.cookie)).json() as { id: string; username: string; regionCode: string; contactMobileMasked: string | null; lastLoginAt: string | null; canReset: boolean }[];
    expect(list[0]!.id).toBe(js.user.id);
    expect(list[0]!.canReset).toBe(false);
    const row = list.find((a) => a.username === su)!;
    expect(row).toMatchObject({ contactMobileMasked: '137****5678', canReset: true });
    expect(row.lastLoginAt).not.toBeNull();
    expect(list.every((a) => a.regionCode.startsWith('32'))).toBe(true);
    expect(list.some((a) => a.id === other.user.id)).toBe(false);
  });

  it('resets a password: new one-time password, sessions end, first login again; only the issuing level may', async () => {
    const gd = await makeAuthority(t.ctx, '440000');
    const gz = uname('gz');
    const { initialPassword, account } = (await post('/api/accounts', gd.cookie, { regionCode: '440100', username: gz, displayName: '广州市工业和信息化局' })).json();
    const session = cookieOf(await login(gz, initialPassword));
    expect((await get('/api/auth/me', session)).statusCode).toBe(200);

    const js = await makeAuthority(t.ctx, '320000');
    expect((await post(`/api/accounts/${account.id}/reset-password`, js.cookie)).statusCode).toBe(404);
    const peer = await makeAuthority(t.ctx, '440100');
    expect((await post(`/api/accounts/${account.id}/reset-password`, peer.cookie)).statusCode).toBe(403);

    const reset = await post(`/api/accounts/${account.id}/reset-password`, gd.cookie);
    expect(reset.statusCode).toBe(200);
    const fresh = reset.json().initialPassword as string;
    expect(fresh).not.toBe(initialPassword);
    expect((await get('/api/auth/me', session)).statusCode).toBe(401);
    expect((await login(gz, initialPassword)).statusCode).toBe(401);
    const again = await login(gz, fresh);
    expect(again.statusCode).toBe(200);
    expect(again.json().mustChangePassword).toBe(true);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.reset_password'), eq(auditEvents.subjectId, account.id)));
    expect(audit).toHaveLength(1);
  });

  it('issues CSV rows through the same rules and reports the rejected ones by line', async () => {
    const gd = await makeAuthority(t.ctx, '440000');
    const actor: Actor = { id: gd.user.id, role: 'authority', regionCode: '440000', level: 'province', ip: 'cli' };
    const a = uname('fs');
    const b = uname('zh');
    const csv = [
      'username,display_name,region_code,contact_name',
      `${a},佛山市工业和信息化局,440600,陈科长`,
      `${b},珠海市工业和信息化局,440400,`,
      `${a},重复账号,440700,`,
      `${uname('nj')},南京市工业和信息化局,320100,`,
      'BAD NAME,坏账号,440800,',
    ].join('\n');
    const report = await importAccountsCsv(t.ctx, actor, csv);
    expect(report.issued.map((r) => r.username)).toEqual([a, b]);
    for (const r of report.issued) expect(passwordProblem(r.initialPassword)).toBeNull();
    expect(report.rejected.map((r) => r.line)).toEqual([4, 5, 6]);
    expect(report.rejected[0]!.message).toBe('该账号名已被使用');
    expect(report.rejected[1]!.message).toContain('下一级');
    expect((await login(a, report.issued[0]!.initialPassword)).statusCode).toBe(200);
    const [row] = await t.ctx.db.select().from(users).where(eq(users.username, a));
    expect(row!.contact?.name).toBe('陈科长');
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.issue'), eq(auditEvents.subjectId, row!.id)));
    expect(audit[0]!.detail).toMatchObject({ via: 'csv' });
  });
});
