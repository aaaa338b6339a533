import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { GUANGDONG_2023_TEMPLATE, NATIONAL_3_TEMPLATE, THIRD_NATIONAL_ROUND, type RoundConfig } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeApplication, makeAuthority } from '../../test/factories.js';
import { auditEvents, rounds, users } from '../../db/schema/index.js';
import { createSession, SESSION_COOKIE } from '../../services/sessions.js';
import { newTotpSecret } from '../../services/totp.js';
import { requester } from '../authority/reviewFixtures.js';

describe('organiser rounds', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  let codes = 0;
  const uniqueCode = (prefix: string) => `${prefix}${++codes}${Math.floor(Math.random() * 1000)}`.slice(0, 8);
  const day = 86400_000;
  const dates = (opensInDays = -1, closesInDays = 30) => ({
    fillingOpensAt: new Date(t.ctx.now().getTime() + opensInDays * day).toISOString(),
    fillingClosesAt: new Date(t.ctx.now().getTime() + closesInDays * day).toISOString(),
  });
  const create = (cookie: string, body: Record<string, unknown>) =>
    req(cookie, 'POST', '/api/organiser/rounds', { code: uniqueCode('R'), name: '测试遴选批次', year: 2026, ...dates(), ...body });
  const move = (cookie: string, id: string, to: string) => req(cookie, 'POST', `/api/organiser/rounds/${id}/status`, { to });

  async function makeAdmin() {
    const [user] = await t.ctx.db
      .insert(users)
      .values({ role: 'admin', username: `admin_${Math.floor(Math.random() * 1e9)}`, displayName: '平台管理员', passwordHash: 'x', totpSecretEnc: t.ctx.personalData.protect(newTotpSecret()), totpEnabledAt: t.ctx.now() })
      .returning();
    return { user: user!, cookie: `${SESSION_COOKIE}=${await createSession(t.ctx.db, user!.id, 24, t.ctx.now())}` };
  }

  describe('templates and creation', () => {
    it.each([
      ['000000', ['national-3']],
      ['440000', ['guangdong-2023', 'shanghai-5']],
      ['210200', ['dalian-2023']],
      ['440305', []],
    ])('an authority of %s sees the templates of its level: %j', async (region, keys) => {
      const authority = await makeAuthority(t.ctx, region);
      const res = await req(authority.cookie, 'GET', '/api/organiser/rounds');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.templates.map((x: { key: string }) => x.key)).toEqual(keys);
      for (const x of body.templates) expect(x.organiserRegion).toBe(region);
      expect(body.canCreate).toBe(region !== '440305');
      expect(body.rounds).toEqual([]);
    });

    it.each([
      ['national-3', '000000', NATIONAL_3_TEMPLATE.config],
      ['guangdong-2023', '440000', GUANGDONG_2023_TEMPLATE.config],
      ['shanghai-5', '310000', null],
      ['dalian-2023', '210200', null],
    ] as const)('creates a draft round from the %s template at %s', async (key, region, expectedConfig) => {
      const organiser = await makeAuthority(t.ctx, region);
      const res = await create(organiser.cookie, { templateKey: key });
      expect(res.statusCode).toBe(200);
      const round = res.json();
      expect(round).toMatchObject({ status: 'draft', organiserRegion: region, started: 0, submitted: 0, configLock: null, next: { status: 'open', blocker: null } });
      if (expectedConfig) expect(round.config).toEqual(expectedConfig);
      const listed = (await req(organiser.cookie, 'GET', '/api/organiser/rounds')).json().rounds;
      expect(listed.map((r: { id: string }) => r.id)).toEqual([round.id]);
      const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'round.create'), eq(auditEvents.subjectId, round.id)));
      expect(audit?.detail).toMatchObject({ template: key });
    });

    it("a province uses another province's template for its own region (regions outside it dropped)", async () => {
      const jiangsu = await makeAuthority(t.ctx, '320000');
      const res = await create(jiangsu.cookie, { templateKey: 'guangdong-2023' });
      expect(res.statusCode).toBe(200);
      expect(res.json().organiserRegion).toBe('320000');
      expect(res.json().config.excludedRegions).toEqual([]);
      expect(res.json().config.quotas).toEqual(GUANGDONG_2023_TEMPLATE.config.quotas);
    });

    it('creates from scratch with a config of its own', async () => {
      const city = await makeAuthority(t.ctx, '440300');
      const config: RoundConfig = { ...THIRD_NATIONAL_ROUND, categories: ['enterprise'], quotas: [{ category: 'enterprise', max: 2, level: 'district' }], reviewLevels: ['district', 'city'], formVersion: 'v1' };
      const res = await create(city.cookie, { config });
      expect(res.statusCode).toBe(200);
      expect(res.json().config).toEqual(config);
    });

    it('refuses a template of another level, and creation by a district', async () => {
      const province = await makeAuthority(t.ctx, '440000');
      const wrong = await create(province.cookie, { templateKey: 'national-3' });
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json().message).toBe('遴选批次模板不存在或无权访问');
      const district = await makeAuthority(t.ctx, '440305');
      const refused = await create(district.cookie, { config: THIRD_NATIONAL_ROUND });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe('本级主管部门不组织遴选批次');
    });
  });

  describe('validation', () => {
    it.each([
      [{ code: 'n3' }, 'code', '批次代码为1至8位大写字母或数字（用于申报编号）'],
      [{ code: 'ABCDEFGHI' }, 'code', '批次代码为1至8位大写字母或数字（用于申报编号）'],
      [{ name: '' }, 'name', '批次名称至少2个字'],
      [{ ...{ fillingOpensAt: '2026-05-01' } }, 'fillingOpensAt', '请填写填报开始时间'],
      [{ templateKey: undefined }, 'templateKey', '请选择模板，或填写批次设置'],
    ])('%#: refuses %j with a Chinese message at %s', async (patch, field, message) => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const res = await create(ministry.cookie, { templateKey: 'national-3', ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[field]).toBe(message);
    });

    it('refuses settings that contradict each other, each at its field', async () => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const config = { ...THIRD_NATIONAL_ROUND, categories: ['enterprise'], quotas: [{ category: 'platform', subType: 'shared', max: 1 }] };
      const res = await create(ministry.cookie, { config, ...dates(10, 5) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'VALIDATION',
        message: '批次设置有误：本批次不设示范平台（共享制造类），不能为其设定名额',
        fields: { 'config.quotas.0.category': '本批次不设示范平台（共享制造类），不能为其设定名额', fillingClosesAt: '填报截止时间应晚于开始时间' },
      });
      const badMode = await create(ministry.cookie, { config: { ...THIRD_NATIONAL_ROUND, modes: [] } });
      expect(badMode.statusCode).toBe(400);
      expect(Object.keys(badMode.json().fields)).toEqual(['config.modes']);
    });

    it('refuses a code already in use with 409', async () => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const code = uniqueCode('DUP');
      expect((await create(ministry.cookie, { templateKey: 'national-3', code })).statusCode).toBe(200);
      const again = await create(ministry.cookie, { templateKey: 'national-3', code });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ message: `批次代码“${code}”已被使用，请换一个`, fields: { code: '批次代码已被使用' } });
    });
  });

  describe('editing', () => {
    it('edits name, dates and settings while no application was started; audits the changed keys', async () => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const round = (await create(ministry.cookie, { templateKey: 'national-3' })).json();
      const config = { ...round.config, categories: ['enterprise', 'platform'], quotas: [{ category: 'enterprise', max: 5, level: 'province' }], stages: { reviewStartsOn: '2027-01-10', reviewEndsOn: '2027-01-20', noticeDays: 7 } };
      const res = await req(ministry.cookie, 'PATCH', `/api/organiser/rounds/${round.id}`, { name: '第四批服务型制造示范遴选', config, ...dates(0, 40) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: '第四批服务型制造示范遴选', config: { categories: ['enterprise', 'platform'], stages: { reviewEndsOn: '2027-01-20' } } });
      const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'round.update'), eq(auditEvents.subjectId, round.id)));
      expect((audit!.detail as { changed: string[] }).changed).toEqual(expect.arrayContaining(['name', 'fillingOpensAt', 'fillingClosesAt', 'config.categories', 'config.quotas', 'config.stages']));
    });

    it('locks categories, modes, indicator years and the code once an application was started, and says why', async () => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const round = (await create(ministry.cookie, { templateKey: 'national-3' })).json();
      await makeApplication(t.ctx, { roundId: round.id });
      const url = `/api/organiser/rounds/${round.id}`;
      const shown = (await req(ministry.cookie, 'GET', url)).json();
      expect(shown.started).toBe(1);
      expect(shown.configLock).toContain('本批次已有1份申报书开始填写');

      const categories = await req(ministry.cookie, 'PATCH', url, { config: { ...round.config, categories: ['enterprise'], quotas: [] } });
      expect(categories.statusCode).toBe(409);
      expect(categories.json().message).toBe('已有申报书开始填写，申报类别不能修改（当前：示范企业、示范平台、示范项目、示范城市）');
      const modes = await req(ministry.cookie, 'PATCH', url, { config: { ...round.config, modes: [...round.config.modes, '研发和设计服务'] } });
      expect(modes.statusCode).toBe(409);
      expect(modes.json().fields).toEqual({ 'config.modes': '已有申报书开始填写，模式列表不能修改（申报书中已选的模式须保持有效）' });
      const years = await req(ministry.cookie, 'PATCH', url, { config: { ...round.config, indicatorYears: [2019, 2020, 2021] } });
      expect(years.statusCode).toBe(409);
      const code = await req(ministry.cookie, 'PATCH', url, { code: uniqueCode('NEW') });
      expect(code.statusCode).toBe(409);
      expect(code.json().message).toBe('已有申报书开始填写，批次代码不能修改（申报编号中含有批次代码）');

      // The rest stays editable: name, dates, quotas, stage dates, review settings.
      const ok = await req(ministry.cookie, 'PATCH', url, { name: '第三批（修订）', config: { ...round.config, formVersion: 'v1', quotas: [], review: { perApplication: 3, sameRegionExcluded: 'province', rankBy: 'trimmedMean' } } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().config.review).toEqual({ perApplication: 3, sameRegionExcluded: 'province', rankBy: 'trimmedMean' });
      const [row] = await t.ctx.db.select().from(rounds).where(eq(rounds.id, round.id));
      expect(row!.config.categories).toEqual(round.config.categories);
    });
  });

  describe('status', () => {
    it('moves draft → open → closed → reviewing with checks, audited; publication is the notice page\'s', async () => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const round = (await create(ministry.cookie, { templateKey: 'national-3', ...dates(-1, 2) })).json();
      expect((await move(ministry.cookie, round.id, 'closed')).json().message).toBe('本批次当前为“草稿”，不能改为“填报结束”');
      const opened = await move(ministry.cookie, round.id, 'open');
      expect(opened.statusCode).toBe(200);
      expect(opened.json()).toMatchObject({ status: 'open', next: { status: 'closed' } });
      expect(opened.json().next.blocker).toMatch(/^填报截止时间（.+）未到，不能结束填报/);
      expect((await move(ministry.cookie, round.id, 'closed')).statusCode).toBe(409);
      // Applicants now see it.
      const applicant = await makeApplicant(t.ctx);
      expect((await req(applicant.cookie, 'GET', '/api/rounds')).json().map((r: { id: string }) => r.id)).toContain(round.id);

      // Ending filling early: the organiser first moves the deadline (as the blocker says).
      const moved = await req(ministry.cookie, 'PATCH', `/api/organiser/rounds/${round.id}`, { fillingClosesAt: new Date(Date.now() - 60_000).toISOString() });
      expect(moved.json().next).toEqual({ status: 'closed', blocker: null });
      const closed = await move(ministry.cookie, round.id, 'closed');
      expect(closed.json()).toMatchObject({ status: 'closed' });
      const reviewing = await move(ministry.cookie, round.id, 'reviewing');
      expect(reviewing.json()).toMatchObject({ status: 'reviewing', next: { status: 'published' } });
      const publish = await move(ministry.cookie, round.id, 'published');
      expect(publish.statusCode).toBe(409);
      expect(publish.json().message).toContain('结果须在“公示与发布”中发布');
      const audits = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'round.status'), eq(auditEvents.subjectId, round.id)));
      expect(audits.map((a) => (a.detail as { to: string }).to)).toEqual(['open', 'closed', 'reviewing']);
    });

    it('refuses to open a round whose filling period is over, or whose settings are wrong', async () => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const past = (await create(ministry.cookie, { templateKey: 'national-3', ...dates(-20, -10) })).json();
      expect(past.next.blocker).toMatch(/^填报截止时间（.+）已过/);
      const res = await move(ministry.cookie, past.id, 'open');
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toMatch(/已过，请先修改填报开始和截止时间$/);
      // A round stored with inconsistent settings (before these checks) cannot open either.
      await t.ctx.db.update(rounds).set({ config: { ...THIRD_NATIONAL_ROUND, reviewLevels: ['city', 'province'] }, fillingClosesAt: new Date(Date.now() + 10 * day) }).where(eq(rounds.id, past.id));
      expect((await move(ministry.cookie, past.id, 'open')).json().message).toBe('批次设置有误：审核层级的最高一级应为组织单位所在的部级');
    });
  });

  describe('isolation', () => {
    it("a province neither sees nor edits the ministry's round or another province's; applicants get 403; admins see all", async () => {
      const ministry = await makeAuthority(t.ctx, '000000');
      const guangdong = await makeAuthority(t.ctx, '440000');
      const jiangsu = await makeAuthority(t.ctx, '320000');
      const national = (await create(ministry.cookie, { templateKey: 'national-3' })).json();
      const gd = (await create(guangdong.cookie, { templateKey: 'guangdong-2023' })).json();

      const seenByJiangsu = (await req(jiangsu.cookie, 'GET', '/api/organiser/rounds')).json().rounds.map((r: { id: string }) => r.id);
      expect(seenByJiangsu).not.toContain(national.id);
      expect(seenByJiangsu).not.toContain(gd.id);
      const seenByGuangdong = (await req(guangdong.cookie, 'GET', '/api/organiser/rounds')).json().rounds.map((r: { id: string }) => r.id);
      expect(seenByGuangdong).toContain(gd.id);
      expect(seenByGuangdong).not.toContain(national.id);

      for (const [cookie, id] of [[guangdong.cookie, national.id], [jiangsu.cookie, gd.id]] as const) {
        const refused = [
          await req(cookie, 'GET', `/api/organiser/rounds/${id}`),
          await req(cookie, 'PATCH', `/api/organiser/rounds/${id}`, { name: '越权修改' }),
          await move(cookie, id, 'open'),
        ];
        expect(refused.map((r) => r.statusCode)).toEqual([404, 404, 404]);
        expect(refused[0]!.json()).toEqual({ code: 'NOT_FOUND', message: '遴选批次不存在或无权访问' });
      }
      const [row] = await t.ctx.db.select().from(rounds).where(eq(rounds.id, national.id));
      expect(row).toMatchObject({ name: '测试遴选批次', status: 'draft' });

      const applicant = await makeApplicant(t.ctx);
      for (const res of [
        await req(applicant.cookie, 'GET', '/api/organiser/rounds'),
        await req(applicant.cookie, 'GET', `/api/organiser/rounds/${national.id}`),
        await create(applicant.cookie, { templateKey: 'national-3' }),
      ]) expect(res.statusCode).toBe(403);

      const admin = await makeAdmin();
      const all = (await req(admin.cookie, 'GET', '/api/organiser/rounds')).json();
      expect(all.rounds.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([national.id, gd.id]));
      expect(all.templates).toHaveLength(4);
      expect((await req(admin.cookie, 'PATCH', `/api/organiser/rounds/${gd.id}`, { name: '广东省遴选（管理员修订）' })).statusCode).toBe(200);
      const forShanghai = await create(admin.cookie, { templateKey: 'shanghai-5' });
      expect(forShanghai.json().organiserRegion).toBe('310000');
    });
  });
});
