import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { passwordProblem } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority, makeRegistryEntry } from '../../test/factories.js';
import { makeExpert } from '../../test/factories/stage45.js';
import { auditEvents, experts, users } from '../../db/schema/index.js';
import { requester } from '../authority/reviewFixtures.js';

describe('the organiser\'s expert pool', () => {
  let t: TestServer;
  let send: ReturnType<typeof requester>;
  let ipSeq = 1;
  let n = 0;
  const uname = (p: string) => `${p}_${Date.now() % 100000}_${++n}`;
  const mobile = () => `137${String(Date.now() % 100000000 + ++n).padStart(8, '0').slice(-8)}`;
  beforeAll(async () => {
    t = await getTestServer();
    send = requester(t);
  });
  afterAll(() => t.close());

  const profile = (over: object = {}) => ({ name: '李教授', username: uname('exp'), employerName: '华南理工大学', regionCode: '440106', fields: ['工业设计', '智能制造'], categories: ['enterprise'], ...over });

  it('issues an expert with a one-time password shown once; the account must finish first login and enrol a second factor', async () => {
    const ministry = await makeAuthority(t.ctx, '000000');
    const m = mobile();
    const res = await send(ministry.cookie, 'POST', '/api/organiser/experts', profile({ mobile: m }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { expert, initialPassword } = res.json();
    expect(passwordProblem(initialPassword)).toBeNull();
    expect(expert).toMatchObject({ name: '李教授', mustChangePassword: true, totpEnabled: false, active: true, regionName: '广州市天河区' });
    expect(expert.mobileMasked).toBe(`${m.slice(0, 3)}****${m.slice(-4)}`);
    const [user] = await t.ctx.db.select().from(users).where(eq(users.id, expert.id));
    expect(user).toMatchObject({ role: 'expert', mustChangePassword: true, issuedBy: ministry.user.id });
    expect(user!.mobileEnc).not.toContain(m);
    expect(user!.mobileIndex).toBe(t.ctx.personalData.blindIndex(m));
    const [row] = await t.ctx.db.select().from(experts).where(eq(experts.userId, expert.id));
    expect(row!.poolRegion).toBe('000000');
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'expert.issue'), eq(auditEvents.subjectId, expert.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain(initialPassword);

    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: expert.username, password: initialPassword }, headers: { 'x-forwarded-for': `10.8.0.${ipSeq++}` } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ role: 'expert', mustChangePassword: true });
    const cookie = `fw_sid=${login.cookies.find((c) => c.name === 'fw_sid')!.value}`;
    expect((await send(cookie, 'GET', '/api/auth/me')).json()).toMatchObject({ totpRequired: true, totpEnabled: false });
    // Until the first login is done (and then the second factor enrolled), nothing else answers.
    const blocked = await send(cookie, 'GET', '/api/applications');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('FIRST_LOGIN_REQUIRED');

    expect((await send(ministry.cookie, 'POST', '/api/organiser/experts', profile({ username: expert.username }))).statusCode).toBe(409);
    const sameMobile = await send(ministry.cookie, 'POST', '/api/organiser/experts', profile({ mobile: m }));
    expect(sameMobile.statusCode).toBe(409);
    expect(sameMobile.json().fields.mobile).toContain('已被其他账号使用');
  });

  it('refuses a bad USCC, an unknown region and an empty name with field messages in Chinese', async () => {
    const ministry = await makeAuthority(t.ctx, '000000');
    const bad = await send(ministry.cookie, 'POST', '/api/organiser/experts', profile({ employerUscc: '91440300MA5ABCDEF0', name: '' }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/[\u4e00-\u9fa5]/);
    expect((await send(ministry.cookie, 'POST', '/api/organiser/experts', profile({ regionCode: '449999' }))).statusCode).toBe(400);
  });

  it('takes the employer\'s legal representative from the registry by USCC, edits, deactivates, and lists with filters and masked mobiles', async () => {
    const city = await makeAuthority(t.ctx, '440300');
    const employer = await makeRegistryEntry(t.ctx, { regionCode: '440305' });
    const lookup = await send(city.cookie, 'GET', `/api/organiser/experts/employer?uscc=${employer.uscc}`);
    expect(lookup.json()).toMatchObject({ name: employer.name, legalRepresentative: employer.legalRepresentative });

    const issued = (await send(city.cookie, 'POST', '/api/organiser/experts', profile({ mobile: mobile(), fields: ['供应链'], categories: ['platform'] }))).json().expert;
    const patched = await send(city.cookie, 'PATCH', `/api/organiser/experts/${issued.id}`, {
      employerName: employer.name,
      employerUscc: employer.uscc,
      employerLegalRepresentative: '随便填的',
      maxLoad: 12,
      declaredConflicts: [{ uscc: employer.uscc, note: '曾任该公司顾问' }],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ employerUscc: employer.uscc, employerLegalRepresentative: employer.legalRepresentative, maxLoad: 12 });
    expect(patched.json().declaredConflicts).toHaveLength(1);

    await send(city.cookie, 'POST', '/api/organiser/experts', profile({ fields: ['工业设计'], categories: [] }));
    const deactivated = await send(city.cookie, 'PATCH', `/api/organiser/experts/${issued.id}`, { active: false });
    expect(deactivated.json().active).toBe(false);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'expert.deactivate'), eq(auditEvents.subjectId, issued.id)));
    expect(audit).toHaveLength(1);

    const all = (await send(city.cookie, 'GET', '/api/organiser/experts')).json();
    expect(all.total).toBe(2);
    expect([...all.fieldOptions].sort()).toEqual(['供应链', '工业设计'].sort());
    expect(JSON.stringify(all)).not.toMatch(/1\d{10}/);
    expect((await send(city.cookie, 'GET', '/api/organiser/experts?field=供应链')).json().items.map((e: { id: string }) => e.id)).toEqual([issued.id]);
    // No categories means every category.
    expect((await send(city.cookie, 'GET', '/api/organiser/experts?category=enterprise')).json().total).toBe(1);
    expect((await send(city.cookie, 'GET', '/api/organiser/experts?category=platform')).json().total).toBe(2);
    expect((await send(city.cookie, 'GET', '/api/organiser/experts?active=false')).json().items.map((e: { id: string }) => e.id)).toEqual([issued.id]);
  });

  it('imports experts from CSV with a report of every bad row; good rows are issued', async () => {
    const province = await makeAuthority(t.ctx, '320000');
    const u1 = uname('csv');
    const u2 = uname('csv');
    const csv = [
      'name,username,mobile,employer,employer_uscc,region_code,fields,categories',
      `王工,${u1},${mobile()},南京大学,,320106,智能制造、工业设计,示范企业;platform`,
      `赵工,${u2},,东南大学,,320102,供应链,`,
      `钱工,${u1},,重复账号大学,,320102,,`,
      `孙工,BAD NAME,12345,某大学,91440300MA5ABCDEF0,999999,,示范外星`,
      `,${uname('csv')},,,,320102,,`,
    ].join('\n');
    const res = await send(province.cookie, 'POST', '/api/organiser/experts/import', { csv });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.issued.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    expect(report.issued.every((r: { initialPassword: string }) => passwordProblem(r.initialPassword) === null)).toBe(true);
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    expect(report.rejected[0].message).toContain('已被使用');
    for (const column of ['账号名：', '手机号：', '单位统一社会信用代码：', '评审类别：']) expect(report.rejected[1].message).toContain(column);
    expect(report.rejected[2].message).toContain('姓名');
    const [wang] = await t.ctx.db.select().from(experts).innerJoin(users, eq(users.id, experts.userId)).where(eq(users.username, u1));
    expect(wang!.experts).toMatchObject({ poolRegion: '320000', fields: ['智能制造', '工业设计'], categories: ['enterprise', 'platform'] });

    const noHeader = await send(province.cookie, 'POST', '/api/organiser/experts/import', { csv: 'a,b\n1,2' });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toContain('缺少列');
  });

  it('keeps pools apart: another organiser gets 404, experts and applicants are refused', async () => {
    const mine = await makeExpert(t, { poolRegion: '440300' });
    const other = await makeAuthority(t.ctx, '440100');
    expect((await send(other.cookie, 'GET', `/api/organiser/experts/${mine.user.id}`)).statusCode).toBe(404);
    expect((await send(other.cookie, 'PATCH', `/api/organiser/experts/${mine.user.id}`, { active: false })).statusCode).toBe(404);
    expect((await send(other.cookie, 'GET', '/api/organiser/experts')).json().items.map((e: { id: string }) => e.id)).not.toContain(mine.user.id);
    const applicant = await makeApplicant(t.ctx);
    expect((await send(applicant.cookie, 'GET', '/api/organiser/experts')).statusCode).toBe(403);
    expect((await send(mine.cookie, 'GET', '/api/organiser/experts')).statusCode).toBe(403);
    expect((await send(mine.cookie, 'POST', '/api/organiser/experts', profile())).statusCode).toBe(403);
  });
});
