import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Category, RoundConfig } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { applications, auditEvents, regionClosures, reviews } from '../../db/schema/index.js';
import { visibleToAuthority, type AuthorityActor } from '../../db/queries/authorityScope.js';
import { quotaUsage } from '../../commands/recommendation/quota.js';

// Runs on PGlite by default and on PostgreSQL with TEST_DATABASE_URL (where the race is a real race).
describe('recommendation', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
  const req = (cookie: string, method: Method, url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });
  const recommend = (cookie: string, id: string) => req(cookie, 'POST', `/api/authority/applications/${id}/recommend`);
  const unrecommend = (cookie: string, id: string) => req(cookie, 'DELETE', `/api/authority/applications/${id}/recommend`);

  /** A round with its own quotas, a city authority of Shenzhen and its closing helper. */
  async function setup(config: Partial<RoundConfig> = {}, city = '440300') {
    const round = await makeRound(t.ctx, { config });
    const authority = await makeAuthority(t.ctx, city);
    const close = () => closeRegion(round.id, city, authority.user.id);
    return { round, authority, close };
  }
  async function closeRegion(roundId: string, regionCode: string, by: string) {
    await t.ctx.db.insert(regionClosures).values({ roundId, regionCode, closedAt: t.ctx.now(), closedBy: by });
  }
  async function submitted(roundId: string, n: number, opts: { regionCode?: string; category?: Category; subType?: string | null } = {}) {
    const made = [];
    for (let i = 0; i < n; i++) made.push(await makeSubmittedApplication(t.ctx, { roundId, regionCode: opts.regionCode ?? '440305', category: opts.category, subType: opts.subType }));
    return made.map((m) => ({ id: m.application.id, name: m.org.name! }));
  }
  async function ranksOf(reviewerRegion: string, roundId: string) {
    const rows = await t.ctx.db
      .select({ id: reviews.applicationId, rank: reviews.rank })
      .from(reviews)
      .where(and(eq(reviews.roundId, roundId), eq(reviews.reviewerRegion, reviewerRegion), eq(reviews.recommended, true)));
    return rows.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  }

  describe('recommending', () => {
    it('refuses to recommend before the own region is closed', async () => {
      const { round, authority } = await setup();
      const [app] = await submitted(round.id, 1);
      const res = await recommend(authority.cookie, app!.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('请先截止本地区申报');
    });

    it('refuses when only a lower region is closed, not the own one', async () => {
      const { round, authority } = await setup();
      const [app] = await submitted(round.id, 1);
      await closeRegion(round.id, '440305', authority.user.id);
      expect((await recommend(authority.cookie, app!.id)).statusCode).toBe(409);
    });

    it('recommends within quota with ranks in click order, and refuses the quota+1-th with 409', async () => {
      const { round, authority, close } = await setup({ quotas: [{ category: 'enterprise', max: 2 }] });
      const apps = await submitted(round.id, 3);
      await close();
      const first = await recommend(authority.cookie, apps[0]!.id);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ rank: 1, used: 1, max: 2 });
      expect((await recommend(authority.cookie, apps[1]!.id)).json()).toEqual({ rank: 2, used: 2, max: 2 });
      const over = await recommend(authority.cookie, apps[2]!.id);
      expect(over.statusCode).toBe(409);
      expect(over.json()).toMatchObject({ code: 'CONFLICT', message: '推荐名额已满：示范企业最多推荐2个', quota: { max: 2, used: 2 } });
      // A repeated click keeps the place.
      expect((await recommend(authority.cookie, apps[0]!.id)).json()).toEqual({ rank: 1, used: 2, max: 2 });
      const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.recommend'), eq(auditEvents.subjectId, apps[0]!.id)));
      expect(audit).toHaveLength(1);
      expect(audit[0]!.regionCode).toBe('440305');
      const [review] = await t.ctx.db.select().from(reviews).where(eq(reviews.applicationId, apps[0]!.id));
      expect(review).toMatchObject({ level: 'city', reviewerRegion: '440300', recommended: true, rank: 1, recommendedBy: authority.user.id });
    });

    it('lets exactly one of 20 concurrent recommendations take the last place', async () => {
      const { round, authority, close } = await setup({ quotas: [{ category: 'enterprise', max: 2 }] });
      const apps = await submitted(round.id, 21);
      await close();
      expect((await recommend(authority.cookie, apps[0]!.id)).statusCode).toBe(200);
      const results = await Promise.all(apps.slice(1).map((a) => recommend(authority.cookie, a.id)));
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(19);
      for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().message).toBe('推荐名额已满：示范企业最多推荐2个');
      const [row] = await t.ctx.db
        .select({ n: count() })
        .from(reviews)
        .where(and(eq(reviews.roundId, round.id), eq(reviews.reviewerRegion, '440300'), eq(reviews.recommended, true)));
      expect(Number(row!.n)).toBe(2);
      expect((await ranksOf('440300', round.id)).map((r) => r.rank)).toEqual([1, 2]);
    });

    it('gives cities holding the title their larger quota (Guangdong rule)', async () => {
      const config: Partial<RoundConfig> = { quotas: [{ category: 'enterprise', max: 1, maxForTitled: 2 }], titledRegions: ['440300'] };
      const round = await makeRound(t.ctx, { config });
      const shenzhen = await makeAuthority(t.ctx, '440300');
      const foshan = await makeAuthority(t.ctx, '440600');
      const sz = await submitted(round.id, 2, { regionCode: '440305' });
      const fs = await submitted(round.id, 2, { regionCode: '440604' });
      await closeRegion(round.id, '440300', shenzhen.user.id);
      await closeRegion(round.id, '440600', foshan.user.id);
      expect((await recommend(shenzhen.cookie, sz[0]!.id)).statusCode).toBe(200);
      expect((await recommend(shenzhen.cookie, sz[1]!.id)).json()).toEqual({ rank: 2, used: 2, max: 2 });
      expect((await recommend(foshan.cookie, fs[0]!.id)).json()).toEqual({ rank: 1, used: 1, max: 1 });
      const over = await recommend(foshan.cookie, fs[1]!.id);
      expect(over.statusCode).toBe(409);
      expect(over.json().message).toBe('推荐名额已满：示范企业最多推荐1个');
      expect(await quotaUsage(t.ctx.db, round, '440300')).toEqual([{ category: 'enterprise', subType: null, max: 2, used: 2 }]);
      expect(await quotaUsage(t.ctx.db, round, '440600')).toEqual([{ category: 'enterprise', subType: null, max: 1, used: 1 }]);
    });

    it('counts platform sub-types apart: shared 1, other 3', async () => {
      const { round, authority, close } = await setup();
      const shared = await submitted(round.id, 2, { category: 'platform', subType: 'shared' });
      const other = await submitted(round.id, 3, { category: 'platform', subType: 'other' });
      await close();
      expect((await recommend(authority.cookie, shared[0]!.id)).json()).toEqual({ rank: 1, used: 1, max: 1 });
      const over = await recommend(authority.cookie, shared[1]!.id);
      expect(over.statusCode).toBe(409);
      expect(over.json().message).toBe('推荐名额已满：示范平台（共享制造类）最多推荐1个');
      for (const [i, a] of other.entries()) expect((await recommend(authority.cookie, a.id)).json()).toEqual({ rank: i + 1, used: i + 1, max: 3 });
      const usage = await quotaUsage(t.ctx.db, round, '440300');
      expect(usage.filter((q) => q.category === 'platform')).toEqual([
        { category: 'platform', subType: 'shared', max: 1, used: 1 },
        { category: 'platform', subType: 'other', max: 3, used: 3 },
      ]);
    });

    it('lets a quota without sub-type cover every sub-type of its category; no quota means no cap', async () => {
      const { round, authority, close } = await setup({ quotas: [{ category: 'platform', max: 2 }] });
      const shared = await submitted(round.id, 1, { category: 'platform', subType: 'shared' });
      const other = await submitted(round.id, 2, { category: 'platform', subType: 'other' });
      const enterprises = await submitted(round.id, 2);
      await close();
      expect((await recommend(authority.cookie, shared[0]!.id)).json()).toEqual({ rank: 1, used: 1, max: 2 });
      // Ranks count within the sub-type, the quota across the category.
      expect((await recommend(authority.cookie, other[0]!.id)).json()).toEqual({ rank: 1, used: 2, max: 2 });
      expect((await recommend(authority.cookie, other[1]!.id)).json().message).toBe('推荐名额已满：示范平台最多推荐2个');
      expect((await recommend(authority.cookie, enterprises[0]!.id)).json()).toEqual({ rank: 1, used: 1, max: null });
      expect((await recommend(authority.cookie, enterprises[1]!.id)).json()).toEqual({ rank: 2, used: 2, max: null });
    });

    it('refuses an application this reviewer returned', async () => {
      const { round, authority, close } = await setup();
      const [app] = await submitted(round.id, 1);
      await close();
      await t.ctx.db.insert(reviews).values({ roundId: round.id, applicationId: app!.id, reviewerRegion: '440300', level: 'city', checkStatus: 'returned', checkReason: '缺少审计报告' });
      const res = await recommend(authority.cookie, app!.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('该申报已退回（形式审查未通过），不能推荐');
    });

    it('passes recommended applications up: the province sees exactly those', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 3);
      const province = await makeAuthority(t.ctx, '440000');
      const provinceActor: AuthorityActor = { id: province.user.id, role: 'authority', regionCode: '440000', level: 'province', ip: null };
      const seenByProvince = async () =>
        (await t.ctx.db.select({ id: applications.id }).from(applications).where(and(eq(applications.roundId, round.id), visibleToAuthority(provinceActor, round.config)))).map((r) => r.id);
      expect(await seenByProvince()).toEqual([]);
      await close();
      await recommend(authority.cookie, apps[2]!.id);
      await recommend(authority.cookie, apps[0]!.id);
      expect((await seenByProvince()).sort()).toEqual([apps[0]!.id, apps[2]!.id].sort());
      const list = await req(province.cookie, 'GET', `/api/authority/rounds/${round.id}/applications`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((i: { id: string }) => i.id).sort()).toEqual([apps[0]!.id, apps[2]!.id].sort());
      // The province may recommend them on (after closing its own region) but not the third.
      await closeRegion(round.id, '440000', province.user.id);
      expect((await recommend(province.cookie, apps[0]!.id)).json()).toEqual({ rank: 1, used: 1, max: 6 });
      expect((await recommend(province.cookie, apps[1]!.id)).statusCode).toBe(404);
      // Once the province has it, the city can no longer withdraw it.
      const withdraw = await unrecommend(authority.cookie, apps[0]!.id);
      expect(withdraw.statusCode).toBe(409);
      expect(withdraw.json().message).toBe('上级已推荐该申报，不能撤销推荐');
    });

    it('refuses recommending at the round’s top level', async () => {
      const round = await makeRound(t.ctx);
      const city = await makeAuthority(t.ctx, '440300');
      const ministry = await makeAuthority(t.ctx, '000000');
      const [app] = await submitted(round.id, 1);
      await closeRegion(round.id, '440300', city.user.id);
      await closeRegion(round.id, '440000', city.user.id);
      await closeRegion(round.id, '000000', ministry.user.id);
      await recommend(city.cookie, app!.id);
      await t.ctx.db.insert(reviews).values({ roundId: round.id, applicationId: app!.id, reviewerRegion: '440000', level: 'province', recommended: true, rank: 1 });
      const res = await recommend(ministry.cookie, app!.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('本级为本批次最终评审层级，无需推荐');
    });
  });

  describe('un-recommending and ranking', () => {
    it('closes the gap in ranks when one is withdrawn', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 4);
      await close();
      for (const a of apps) await recommend(authority.cookie, a.id);
      const res = await unrecommend(authority.cookie, apps[1]!.id);
      expect(res.statusCode).toBe(200);
      expect(await ranksOf('440300', round.id)).toEqual([
        { id: apps[0]!.id, rank: 1 },
        { id: apps[2]!.id, rank: 2 },
        { id: apps[3]!.id, rank: 3 },
      ]);
      expect((await unrecommend(authority.cookie, apps[1]!.id)).json().message).toBe('该申报尚未推荐');
      // Recommending again puts it last.
      expect((await recommend(authority.cookie, apps[1]!.id)).json().rank).toBe(4);
      const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.unrecommend'), eq(auditEvents.subjectId, apps[1]!.id)));
      expect(audit[0]!.detail).toMatchObject({ previousRank: 2 });
    });

    it('reorders when the order names exactly the recommended set, and refuses anything else', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 4);
      await close();
      for (const a of apps.slice(0, 3)) await recommend(authority.cookie, a.id);
      const url = `/api/authority/rounds/${round.id}/ranking`;
      const order = [apps[2]!.id, apps[0]!.id, apps[1]!.id];
      const ok = await req(authority.cookie, 'PUT', url, { category: 'enterprise', subType: null, order });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().order).toEqual(order.map((applicationId, i) => ({ applicationId, rank: i + 1 })));
      expect((await ranksOf('440300', round.id)).map((r) => r.id)).toEqual(order);

      const missing = await req(authority.cookie, 'PUT', url, { category: 'enterprise', subType: null, order: order.slice(0, 2) });
      expect(missing.statusCode).toBe(409);
      expect(missing.json().recommended).toHaveLength(3);
      const extra = await req(authority.cookie, 'PUT', url, { category: 'enterprise', subType: null, order: [...order, apps[3]!.id] });
      expect(extra.statusCode).toBe(409);
      const dup = await req(authority.cookie, 'PUT', url, { category: 'enterprise', subType: null, order: [order[0], order[0], order[1]] });
      expect(dup.statusCode).toBe(400);
      const wrongKind = await req(authority.cookie, 'PUT', url, { category: 'project', subType: null, order });
      expect(wrongKind.statusCode).toBe(409);
      expect((await ranksOf('440300', round.id)).map((r) => r.id)).toEqual(order);
    });
  });

  describe('bulk actions', () => {
    const preview = (cookie: string, roundId: string, body: object) => req(cookie, 'POST', `/api/authority/rounds/${roundId}/bulk/preview`, body);
    const commit = (cookie: string, roundId: string, token: string) => req(cookie, 'POST', `/api/authority/rounds/${roundId}/bulk/commit`, { token });

    it('previews names and count, commits once, and refuses the token a second time', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 3);
      await close();
      const p = await preview(authority.cookie, round.id, { action: 'recommend', ids: apps.map((a) => a.id) });
      expect(p.statusCode).toBe(200);
      const body = p.json();
      expect(body).toMatchObject({ count: 3, quotaProblems: [] });
      expect(body.items.map((i: { organisationName: string }) => i.organisationName)).toEqual(apps.map((a) => a.name));
      expect(body.items.every((i: { problem?: string }) => !i.problem)).toBe(true);
      const c = await commit(authority.cookie, round.id, body.token);
      expect(c.statusCode).toBe(200);
      expect(c.json()).toEqual({ done: 3, failed: 0 });
      expect((await ranksOf('440300', round.id)).map((r) => r.id)).toEqual(apps.map((a) => a.id));
      const again = await commit(authority.cookie, round.id, body.token);
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toBe('确认已失效（已使用或超过10分钟），请重新预览');
    });

    it('shows the quota problem and commits nothing when the quota would be exceeded', async () => {
      const { round, authority, close } = await setup({ quotas: [{ category: 'enterprise', max: 2 }] });
      const apps = await submitted(round.id, 3);
      await close();
      const p = (await preview(authority.cookie, round.id, { action: 'recommend', ids: apps.map((a) => a.id) })).json();
      expect(p.quotaProblems).toEqual(['示范企业推荐名额不足：最多推荐2个，已推荐0个，本次选择3个']);
      const c = await commit(authority.cookie, round.id, p.token);
      expect(c.statusCode).toBe(409);
      expect(c.json().quotaProblems).toHaveLength(1);
      expect(await ranksOf('440300', round.id)).toEqual([]);
    });

    it('re-checks at commit: a place taken after the preview makes the whole commit fail', async () => {
      const { round, authority, close } = await setup({ quotas: [{ category: 'enterprise', max: 2 }] });
      const apps = await submitted(round.id, 3);
      await close();
      const p = (await preview(authority.cookie, round.id, { action: 'recommend', ids: [apps[0]!.id, apps[1]!.id] })).json();
      expect(p.quotaProblems).toEqual([]);
      await recommend(authority.cookie, apps[2]!.id);
      const c = await commit(authority.cookie, round.id, p.token);
      expect(c.statusCode).toBe(409);
      expect((await ranksOf('440300', round.id)).map((r) => r.id)).toEqual([apps[2]!.id]);
    });

    it('lists problems: not closed, returned, not visible; expired tokens are refused', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 2);
      const [foreign] = await submitted(round.id, 1, { regionCode: '320102' });
      const notClosed = (await preview(authority.cookie, round.id, { action: 'recommend', ids: [apps[0]!.id] })).json();
      expect(notClosed.items[0].problem).toBe('请先截止本地区申报');
      await close();
      await t.ctx.db.insert(reviews).values({ roundId: round.id, applicationId: apps[1]!.id, reviewerRegion: '440300', level: 'city', checkStatus: 'returned', checkReason: '材料不全' });
      const p = (await preview(authority.cookie, round.id, { action: 'recommend', ids: [apps[0]!.id, apps[1]!.id, foreign!.id] })).json();
      expect(p.items).toEqual([
        { id: apps[0]!.id, organisationName: apps[0]!.name },
        { id: apps[1]!.id, organisationName: apps[1]!.name, problem: '该申报已退回（形式审查未通过），不能推荐' },
        { id: foreign!.id, organisationName: '', problem: '申报书不存在或无权访问' },
      ]);
      expect(p.count).toBe(1);
      // The ones with a problem are left out; the rest is done.
      expect((await commit(authority.cookie, round.id, p.token)).json()).toEqual({ done: 1, failed: 2 });
      expect((await ranksOf('440300', round.id)).map((r) => r.id)).toEqual([apps[0]!.id]);
      t.setNow(new Date(Date.now() + 11 * 60_000));
      try {
        const late = await commit(authority.cookie, round.id, notClosed.token);
        expect(late.statusCode).toBe(409);
      } finally {
        t.setNow(null);
      }
    });

    it('does nothing when one planned application was returned after the preview', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 2);
      await close();
      const p = (await preview(authority.cookie, round.id, { action: 'recommend', ids: apps.map((a) => a.id) })).json();
      expect(p.count).toBe(2);
      await t.ctx.db.insert(reviews).values({ roundId: round.id, applicationId: apps[1]!.id, reviewerRegion: '440300', level: 'city', checkStatus: 'returned', checkReason: '材料不全' });
      const c = await commit(authority.cookie, round.id, p.token);
      expect(c.statusCode).toBe(409);
      expect(c.json().message).toBe(`批量操作未执行：${apps[1]!.name}：该申报已退回（形式审查未通过），不能推荐`);
      expect(c.json().items).toEqual([{ id: apps[1]!.id, organisationName: apps[1]!.name, problem: '该申报已退回（形式审查未通过），不能推荐' }]);
      expect(await ranksOf('440300', round.id)).toEqual([]);
    });

    it('un-recommends and passes checks in bulk, with audit rows', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 3);
      await close();
      const pass = (await preview(authority.cookie, round.id, { action: 'check-pass', ids: apps.map((a) => a.id) })).json();
      expect((await commit(authority.cookie, round.id, pass.token)).json()).toEqual({ done: 3, failed: 0 });
      const checks = await t.ctx.db.select().from(reviews).where(eq(reviews.roundId, round.id));
      expect(checks.map((r) => r.checkStatus)).toEqual(['passed', 'passed', 'passed']);
      for (const a of apps) await recommend(authority.cookie, a.id);
      const un = (await preview(authority.cookie, round.id, { action: 'unrecommend', ids: [apps[0]!.id, apps[1]!.id] })).json();
      expect(un.count).toBe(2);
      expect((await commit(authority.cookie, round.id, un.token)).json()).toEqual({ done: 2, failed: 0 });
      expect(await ranksOf('440300', round.id)).toEqual([{ id: apps[2]!.id, rank: 1 }]);
      const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'review.check'));
      expect(audit.filter((e) => apps.some((a) => a.id === e.subjectId))).toHaveLength(3);
    });

    it('does not accept another account’s token', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 1);
      await close();
      const colleague = await makeAuthority(t.ctx, '440300');
      const p = (await preview(authority.cookie, round.id, { action: 'recommend', ids: [apps[0]!.id] })).json();
      expect((await commit(colleague.cookie, round.id, p.token)).statusCode).toBe(409);
      expect((await commit(authority.cookie, round.id, p.token)).statusCode).toBe(200);
    });
  });

  describe('isolation', () => {
    it('answers 404 to another province and another city for this region’s applications', async () => {
      const { round, authority, close } = await setup();
      const apps = await submitted(round.id, 2);
      await close();
      await recommend(authority.cookie, apps[0]!.id);
      const jiangsu = await makeAuthority(t.ctx, '320000');
      const foshan = await makeAuthority(t.ctx, '440600');
      await closeRegion(round.id, '320000', jiangsu.user.id);
      await closeRegion(round.id, '440600', foshan.user.id);
      for (const other of [jiangsu, foshan]) {
        expect((await recommend(other.cookie, apps[1]!.id)).statusCode).toBe(404);
        expect((await unrecommend(other.cookie, apps[0]!.id)).statusCode).toBe(404);
        const ranking = await req(other.cookie, 'PUT', `/api/authority/rounds/${round.id}/ranking`, { category: 'enterprise', subType: null, order: [apps[0]!.id] });
        expect(ranking.statusCode).toBe(404);
        const summary = await req(other.cookie, 'GET', `/api/authority/rounds/${round.id}/summary`);
        expect(summary.statusCode).toBe(200);
        expect(summary.json().rows).toEqual([]);
      }
      expect((await recommend(jiangsu.cookie, '00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
      expect((await req(jiangsu.cookie, 'GET', `/api/authority/rounds/00000000-0000-0000-0000-000000000000/summary`)).statusCode).toBe(404);
      // Nothing changed for the city.
      expect((await ranksOf('440300', round.id)).map((r) => r.id)).toEqual([apps[0]!.id]);
    });

    it('refuses applicants', async () => {
      const { round } = await setup();
      const [made] = [await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' })];
      const res = await recommend(made.cookie, made.application.id);
      expect(res.statusCode).toBe(403);
    });
  });
});
