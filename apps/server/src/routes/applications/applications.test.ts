import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isValidApplicationNumber } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeApplication, makeCompleteApplication, makeOrganisation, makeRound } from '../../test/factories.js';
import { auditEvents, submissions } from '../../db/schema/index.js';

describe('applications', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  const req = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie } });
  let saveSeq = 0;
  const saveId = () => `save-${Date.now()}-${++saveSeq}`;

  describe('starting', () => {
    it('opens one application per organisation and round, and returns the same on a second start', async () => {
      const round = await makeRound(t.ctx);
      const a = await makeApplicant(t.ctx);
      await makeOrganisation(t.ctx, a.user.id);
      const first = await req(a.cookie, 'POST', '/api/applications', { roundId: round.id, category: 'enterprise' });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ category: 'enterprise', status: 'draft', version: 0, can: { edit: true, changeCategory: true } });
      const second = await req(a.cookie, 'POST', '/api/applications', { roundId: round.id, category: 'enterprise' });
      expect(second.json().id).toBe(first.json().id);
    });

    it('requires a sub-type for platforms and refuses city categories for an enterprise account', async () => {
      const round = await makeRound(t.ctx);
      const a = await makeApplicant(t.ctx);
      await makeOrganisation(t.ctx, a.user.id);
      const noKind = await req(a.cookie, 'POST', '/api/applications', { roundId: round.id, category: 'platform' });
      expect(noKind.statusCode).toBe(400);
      expect(noKind.json().fields.subType).toBe('请选择申报类型');
      const city = await req(a.cookie, 'POST', '/api/applications', { roundId: round.id, category: 'city', subType: 'design' });
      expect(city.statusCode).toBe(400);
      expect(city.json().message).toBe('该账号类型不能申报此类别');
    });

    it('refuses to start before certification', async () => {
      const round = await makeRound(t.ctx);
      const a = await makeApplicant(t.ctx);
      const res = await req(a.cookie, 'POST', '/api/applications', { roundId: round.id, category: 'enterprise' });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('请先完成单位认证');
    });
  });

  describe('saving', () => {
    it('saves fields with a new version and keeps them', async () => {
      const { application, cookie } = await makeApplication(t.ctx);
      const res = await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: 0, changes: { mainBusiness: '智能装备研发制造及运维服务' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().version).toBe(1);
      const view = await req(cookie, 'GET', `/api/applications/${application.id}`);
      expect(view.json().data.mainBusiness).toBe('智能装备研发制造及运维服务');
    });

    it('answers a retried save (same saveId) exactly as the first, without a second version', async () => {
      const { application, cookie } = await makeApplication(t.ctx);
      const body = { saveId: saveId(), baseVersion: 0, changes: { industry: '通用设备制造业' } };
      const [a, b] = await Promise.all([req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, body), req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, body)]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(a.json().version).toBe(1);
      expect(b.json().version).toBe(1);
      const again = await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, body);
      expect(again.json().version).toBe(1);
      expect((await req(cookie, 'GET', `/api/applications/${application.id}`)).json().version).toBe(1);
    });

    it('refuses a save based on an old version (a second tab) with 409 and the current version', async () => {
      const { application, cookie } = await makeApplication(t.ctx);
      await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: 0, changes: { industry: '甲' } });
      const stale = await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: 0, changes: { industry: '乙' } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
      expect(stale.json().message).toMatch(/其他窗口/);
      expect((await req(cookie, 'GET', `/api/applications/${application.id}`)).json().data.industry).toBe('甲');
    });

    it('refuses invalid values and read-only fields with messages at the field, keeping what was saved', async () => {
      const { application, cookie } = await makeApplication(t.ctx);
      await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: 0, changes: { industry: '已保存的内容' } });
      const bad = await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: 1, changes: { modes: ['不存在的模式'], orgName: '篡改' } });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(['modes']));
      expect(JSON.stringify(bad.json())).toMatch(/[\u4e00-\u9fa5]/);
      const view = (await req(cookie, 'GET', `/api/applications/${application.id}`)).json();
      expect(view.data.industry).toBe('已保存的内容');
      expect(view.version).toBe(1);
    });

    it('clears a field with null', async () => {
      const { application, cookie } = await makeApplication(t.ctx);
      await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: 0, changes: { industry: '甲' } });
      await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: 1, changes: { industry: null } });
      expect((await req(cookie, 'GET', `/api/applications/${application.id}`)).json().data.industry).toBeUndefined();
    });

    it('warns when the service revenue share is under 30%', async () => {
      const { application, cookie, round } = await makeCompleteApplication(t.ctx);
      const [y1, y2, y3] = round.config.indicatorYears.map(String) as [string, string, string];
      const view0 = (await req(cookie, 'GET', `/api/applications/${application.id}`)).json();
      expect(view0.warnings).toEqual([]);
      const indicators = { ...(view0.data.indicators as object), operatingRevenue: { [y1]: 1000, [y2]: 1000, [y3]: 1000 }, serviceRevenue: { [y1]: 100, [y2]: 200, [y3]: 235 } };
      const res = await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: view0.version, changes: { indicators } });
      expect(res.statusCode).toBe(200);
      const view = (await req(cookie, 'GET', `/api/applications/${application.id}`)).json();
      expect(view.warnings.map((w: { message: string }) => w.message).join()).toMatch(/23\.5/);
    });
  });

  describe('submitting', () => {
    it('lists what is missing with 422 and issues no number', async () => {
      const { application, cookie } = await makeApplication(t.ctx);
      const res = await req(cookie, 'POST', `/api/applications/${application.id}/submit`, { idempotencyKey: 'k-incomplete-1' });
      expect(res.statusCode).toBe(422);
      const missing = res.json().missing as { field: string; label: string }[];
      expect(missing.map((m) => m.field)).toEqual(expect.arrayContaining(['mainBusiness', 'file:narrative', 'file:supporting']));
      expect((await t.ctx.db.select().from(submissions).where(eq(submissions.applicationId, application.id))).length).toBe(0);
    });

    it('issues a valid number, locks the category and writes an audit row', async () => {
      const { application, cookie } = await makeCompleteApplication(t.ctx);
      const res = await req(cookie, 'POST', `/api/applications/${application.id}/submit`, { idempotencyKey: 'k-first-submit' });
      expect(res.statusCode).toBe(200);
      const { number } = res.json();
      expect(isValidApplicationNumber(number)).toBe(true);
      expect(number).toMatch(new RegExp(`-${application.regionCode}-E`));
      const view = (await req(cookie, 'GET', `/api/applications/${application.id}`)).json();
      expect(view).toMatchObject({ status: 'submitted', currentNumber: number, can: { changeCategory: false } });
      const change = await req(cookie, 'PUT', `/api/applications/${application.id}/category`, { category: 'project' });
      expect(change.statusCode).toBe(409);
      const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, application.id));
      expect(audit.map((a) => a.action)).toContain('application.submit');
    });

    it('yields exactly one number for 20 parallel submits with the same key, and for a double click with two keys', async () => {
      const { application, cookie } = await makeCompleteApplication(t.ctx);
      const same = await Promise.all(Array.from({ length: 20 }, () => req(cookie, 'POST', `/api/applications/${application.id}/submit`, { idempotencyKey: 'k-parallel-same' })));
      expect(same.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
      expect(new Set(same.map((r) => r.json().number)).size).toBe(1);
      const twoKeys = await Promise.all([1, 2].map((i) => req(cookie, 'POST', `/api/applications/${application.id}/submit`, { idempotencyKey: `k-double-click-${i}` })));
      expect(new Set([...twoKeys, same[0]!].map((r) => r.json().number)).size).toBe(1);
      expect((await t.ctx.db.select().from(submissions).where(eq(submissions.applicationId, application.id))).length).toBe(1);
    });

    it('issues a new number after a change and marks the old one superseded (public verification agrees)', async () => {
      const { application, cookie } = await makeCompleteApplication(t.ctx);
      const first = (await req(cookie, 'POST', `/api/applications/${application.id}/submit`, { idempotencyKey: 'k-resubmit-1' })).json().number;
      const view = (await req(cookie, 'GET', `/api/applications/${application.id}`)).json();
      const save = await req(cookie, 'PATCH', `/api/applications/${application.id}/fields`, { saveId: saveId(), baseVersion: view.version, changes: { industry: '修改后的行业' } });
      expect(save.json().status).toBe('modified');
      const second = (await req(cookie, 'POST', `/api/applications/${application.id}/submit`, { idempotencyKey: 'k-resubmit-2' })).json().number;
      expect(second).not.toBe(first);
      const oldV = (await t.app.inject({ method: 'GET', url: `/api/verify/${first}` })).json();
      const newV = (await t.app.inject({ method: 'GET', url: `/api/verify/${second}` })).json();
      expect(oldV).toMatchObject({ exists: true, current: false, currentNumber: second });
      expect(newV).toMatchObject({ exists: true, current: true });
      expect((await t.app.inject({ method: 'GET', url: '/api/verify/N3-000000-E00000X' })).json()).toMatchObject({ exists: false });
    });

    it('enforces the deadline by the server clock, with grace only for an upload begun before it', async () => {
      const closesAt = new Date(Date.now() + 10 * 60_000);
      const round = await makeRound(t.ctx, { closesAt });
      const late = await makeCompleteApplication(t.ctx, { roundId: round.id });
      t.setNow(new Date(closesAt.getTime() + 60_000));
      try {
        const save = await req(late.cookie, 'PATCH', `/api/applications/${late.application.id}/fields`, { saveId: saveId(), baseVersion: 0, changes: { industry: '晚了' } });
        expect(save.statusCode).toBe(403);
        expect(save.json().code).toBe('DEADLINE_PASSED');
        const submit = await req(late.cookie, 'POST', `/api/applications/${late.application.id}/submit`, { idempotencyKey: 'k-too-late' });
        expect(submit.statusCode).toBe(403);
      } finally {
        t.setNow(null);
      }
      // An upload that began 5 minutes before the deadline and finished after it.
      const graced = await makeCompleteApplication(t.ctx, { roundId: round.id });
      const { files } = await import('../../db/schema/index.js');
      await t.ctx.db.update(files).set({ uploadStartedAt: new Date(closesAt.getTime() - 300_000), createdAt: new Date(closesAt.getTime() + 30_000) }).where(eq(files.applicationId, graced.application.id));
      t.setNow(new Date(closesAt.getTime() + 60_000));
      try {
        const ok = await req(graced.cookie, 'POST', `/api/applications/${graced.application.id}/submit`, { idempotencyKey: 'k-grace-ok' });
        expect(ok.statusCode).toBe(200);
      } finally {
        t.setNow(null);
      }
    });

    it('exports the submitted application as a PDF, and refuses before submit', async () => {
      const { application, cookie } = await makeCompleteApplication(t.ctx);
      expect((await req(cookie, 'GET', `/api/applications/${application.id}/pdf`)).statusCode).toBe(409);
      const submitted = await req(cookie, 'POST', `/api/applications/${application.id}/submit`, { idempotencyKey: 'k-pdf-export' });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const pdf = await req(cookie, 'GET', `/api/applications/${application.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  describe('isolation', () => {
    it("answers 404 for another applicant's application on every route", async () => {
      const mine = await makeCompleteApplication(t.ctx);
      const other = await makeApplication(t.ctx);
      await req(mine.cookie, 'POST', `/api/applications/${mine.application.id}/submit`, { idempotencyKey: 'k-iso-mine' });
      const id = mine.application.id;
      const tries = [
        req(other.cookie, 'GET', `/api/applications/${id}`),
        req(other.cookie, 'PATCH', `/api/applications/${id}/fields`, { saveId: saveId(), baseVersion: 0, changes: { industry: 'x' } }),
        req(other.cookie, 'PUT', `/api/applications/${id}/category`, { category: 'project' }),
        req(other.cookie, 'POST', `/api/applications/${id}/submit`, { idempotencyKey: 'k-iso-other' }),
        req(other.cookie, 'GET', `/api/applications/${id}/pdf`),
      ];
      for (const r of await Promise.all(tries)) expect(r.statusCode).toBe(404);
      const list = (await req(other.cookie, 'GET', '/api/applications')).json() as { id: string }[];
      expect(list.map((a) => a.id)).not.toContain(id);
    });

    it('answers 401 without a session', async () => {
      const { application } = await makeApplication(t.ctx);
      expect((await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}` })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/api/organisation' })).statusCode).toBe(401);
    });
  });
});
