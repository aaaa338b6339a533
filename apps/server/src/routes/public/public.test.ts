import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeOrganiserRound, makeReleasedSelection } from '../../test/factories/stage45.js';
import { createSession, SESSION_COOKIE } from '../../services/sessions.js';
import { demonstrationUnits, rounds } from '../../db/schema/index.js';
import { classifyRoute, RATE_LIMITS } from '../../plugins/rateLimit.js';
import { CSRF_COOKIE, CSRF_HEADER } from '../../plugins/csrf.js';

const DAY = 86400_000;

// Runs on PGlite by default and on PostgreSQL with TEST_DATABASE_URL.
describe('public notice and units (no login)', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  let address = 0;
  const nextAddress = () => `10.8.${(++address >> 8) & 255}.${address & 255}`;
  const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: nextAddress() });
  const lodge = (code: string, payload: object, remoteAddress = nextAddress()) =>
    t.app.inject({ method: 'POST', url: `/api/public/notices/${code}/objections`, payload, remoteAddress });

  /** A round with two released selections and a notice starting tomorrow; returns helpers to move through it. */
  async function noticeRound() {
    t.setNow(null);
    const { round, organiser } = await makeOrganiserRound(t);
    const made = await makeReleasedSelection(t, round, organiser.user.id, [{ regionCode: '440305' }, { regionCode: '320505' }]);
    const start = new Date(Date.now() + DAY);
    const cookie = async () => `${SESSION_COOKIE}=${await createSession(t.ctx.db, organiser.user.id, 24, t.ctx.now())}`;
    const created = await t.app.inject({ method: 'POST', url: `/api/organiser/rounds/${round.id}/notice`, headers: { cookie: await cookie() }, payload: { title: '示范名单公示', startsAt: start.toISOString() } });
    expect(created.statusCode).toBe(200);
    return { round, made, start, notice: created.json(), cookie };
  }

  it('hides a notice before it starts, then shows entries without personal data, application ids or objectors', async () => {
    const { round, made, start } = await noticeRound();
    expect((await get(`/api/public/notices/${round.code}`)).statusCode).toBe(404);
    expect((await get('/api/public/notices')).json().some((n: { roundCode: string }) => n.roundCode === round.code)).toBe(false);

    t.setNow(new Date(start.getTime() + 1000));
    expect((await lodge(round.code, { text: '对名单中第一家企业的数据有疑问，请核查。', name: '孙女士', contact: '13312345678' })).statusCode).toBe(200);
    const res = await get(`/api/public/notices/${round.code.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ roundCode: round.code, title: '示范名单公示', phase: 'open' });
    expect(body.entries).toHaveLength(2);
    expect(Object.keys(body.entries[0]).sort()).toEqual(['category', 'id', 'mode', 'name', 'position', 'regionName', 'subType', 'withdrawReason', 'withdrawn']);
    const text = res.body;
    for (const m of made) {
      expect(text).not.toContain(m.application.id);
      expect(text).not.toContain(m.org.uscc!);
      expect(text).not.toContain(m.applicant.mobile);
    }
    // The applicants' contact (factory: 13912345678 / wang@example.com) and the objector appear nowhere.
    for (const secret of ['13912345678', 'wang@example.com', '13312345678', '孙女士']) expect(text).not.toContain(secret);
    const list = (await get('/api/public/notices')).json();
    expect(list.find((n: { roundCode: string }) => n.roundCode === round.code)).toMatchObject({ phase: 'open', entryCount: 2 });
    t.setNow(null);
  });

  it('lodges from an anonymous browser with the CSRF cookie and header, and refuses without them', async () => {
    const { round, start } = await noticeRound();
    t.setNow(new Date(start.getTime() + 1000));
    const payload = { text: '该单位不符合申报条件，请主管部门核查。', name: '周先生', contact: 'zhou@example.cn' };
    const bare = await t.injectWithoutCsrf({ method: 'POST', url: `/api/public/notices/${round.code}/objections`, payload, remoteAddress: nextAddress() });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe('CSRF');
    // The page's first GET hands out the cookie; the form repeats it in the header.
    const page = await t.injectWithoutCsrf({ method: 'GET', url: `/api/public/notices/${round.code}`, remoteAddress: nextAddress() });
    const token = page.cookies.find((c) => c.name === CSRF_COOKIE)!.value;
    const ok = await t.injectWithoutCsrf({ method: 'POST', url: `/api/public/notices/${round.code}/objections`, payload, cookies: { [CSRF_COOKIE]: token }, headers: { [CSRF_HEADER]: token }, remoteAddress: nextAddress() });
    expect(ok.statusCode).toBe(200);
    t.setNow(null);
  });

  it('limits objections per address', async () => {
    const { round, start } = await noticeRound();
    t.setNow(new Date(start.getTime() + 1000));
    expect(classifyRoute('POST', `/api/public/notices/${round.code}/objections`)).toBe('publicWrite');
    expect(classifyRoute('GET', '/api/public/units')).toBe('lookup');
    const from = nextAddress();
    const codes = [];
    for (let i = 0; i <= RATE_LIMITS.publicWrite.max; i++) codes.push((await lodge(round.code, { text: `第${i}条异议：请核查名单中的数据。`, name: '吴先生', contact: '13212345678' }, from)).statusCode);
    expect(codes.slice(0, RATE_LIMITS.publicWrite.max).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    t.setNow(null);
  });

  it('tells the objector the answer with the receipt and the same contact only', async () => {
    const { round, start, notice, cookie } = await noticeRound();
    t.setNow(new Date(start.getTime() + 1000));
    const { receipt } = (await lodge(round.code, { entryId: notice.entries[0].id, text: '该企业存在违法违规行为，请核查。', name: '郑先生', contact: '13112345678' })).json();
    const ask = (contact: string) => get(`/api/public/objections/${receipt}?contact=${encodeURIComponent(contact)}`);
    expect((await ask('13112345678')).json()).toMatchObject({ receipt, status: 'open', answer: null, entryName: notice.entries[0].name });
    expect((await ask('13100000000')).statusCode).toBe(404);
    const objectionId = (await t.app.inject({ method: 'GET', url: `/api/organiser/rounds/${round.id}/notice`, headers: { cookie: await cookie() } })).json().objections[0].id;
    await t.app.inject({ method: 'POST', url: `/api/organiser/objections/${objectionId}/answer`, headers: { cookie: await cookie() }, payload: { outcome: 'reject', answer: '经核查，未发现违法违规记录。' } });
    expect((await ask('13112345678')).json()).toMatchObject({ status: 'rejected', answer: '经核查，未发现违法违规记录。' });
    t.setNow(null);
  });

  it('searches published units by name, category, region, year and batch, pages them, and leaves revoked ones out', async () => {
    const [round] = await t.ctx.db.select().from(rounds).limit(1);
    const unit = (name: string, o: Partial<typeof demonstrationUnits.$inferInsert> = {}) => ({
      name, category: 'enterprise', regionCode: '440305', title: '服务型制造示范企业', batch: '第二批', year: 2020, source: 'imported', roundId: round!.id, ...o,
    });
    await t.ctx.db.insert(demonstrationUnits).values([
      unit('检索深圳精密制造有限公司'),
      unit('检索苏州纺织科技有限公司', { regionCode: '320505', batch: '第三批', year: 2021 }),
      unit('检索广州共享制造平台', { category: 'platform', subType: 'shared', regionCode: '440112', title: '服务型制造示范平台' }),
      unit('检索已撤销的公司', { status: 'revoked', revokedAt: new Date(), revokeReason: '连续三年基本合格' }),
    ]);
    const search = async (q: string) => (await get(`/api/public/units?${q}`)).json();
    const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name).sort();
    expect(names(await search('q=检索'))).toEqual(['检索广州共享制造平台', '检索深圳精密制造有限公司', '检索苏州纺织科技有限公司']);
    expect(names(await search('q=检索&category=platform'))).toEqual(['检索广州共享制造平台']);
    expect(names(await search('q=检索&region=440000'))).toEqual(['检索广州共享制造平台', '检索深圳精密制造有限公司']);
    expect(names(await search('q=检索&year=2021'))).toEqual(['检索苏州纺织科技有限公司']);
    expect(names(await search(`q=检索&batch=${encodeURIComponent('第二批')}`))).toEqual(['检索广州共享制造平台', '检索深圳精密制造有限公司']);
    expect(names(await search('q=已撤销'))).toEqual([]);
    const page2 = await search('q=检索&pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
    const first = (await search('q=深圳精密')).items[0];
    expect(first).toMatchObject({ regionName: '广东省 深圳市 南山区', title: '服务型制造示范企业', batch: '第二批', year: 2020 });
    expect(first).not.toHaveProperty('uscc');
    expect((await search('q=%25')).total).toBe(0);
    expect((await get('/api/public/units?region=12')).statusCode).toBe(400);
  });

  it('lists units once a round is published through the notice', async () => {
    const { round, start, notice, cookie, made } = await noticeRound();
    t.setNow(new Date(new Date(notice.notice.endsAt).getTime() + 1000));
    expect((await t.app.inject({ method: 'POST', url: `/api/organiser/rounds/${round.id}/notice/publish`, headers: { cookie: await cookie() } })).statusCode).toBe(200);
    const found = (await get(`/api/public/units?q=${encodeURIComponent(made[0]!.org.name!)}`)).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ title: '服务型制造示范企业', category: 'enterprise' });
    expect((await get(`/api/public/notices/${round.code}`)).json().phase).toBe('published');
    expect(start).toBeTruthy();
    t.setNow(null);
  });
});
