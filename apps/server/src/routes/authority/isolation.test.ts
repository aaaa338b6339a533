import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { files, reopenings, reviews } from '../../db/schema/index.js';
import { insertRecommended, requester } from './reviewFixtures.js';

describe('authority review: isolation between regions and levels', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  it("answers 404 to province A on everything of province B's application", async () => {
    const round = await makeRound(t.ctx);
    const mine = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const theirs = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '320102' });
    await insertRecommended(t.ctx, mine.application, '440300', 1);
    await insertRecommended(t.ctx, theirs.application, '320100', 1);
    const provinceA = await makeAuthority(t.ctx, '440000');
    const provinceB = await makeAuthority(t.ctx, '320000');
    const cityB = await makeAuthority(t.ctx, '320100');
    await req(cityB.cookie, 'POST', `/api/authority/rounds/${round.id}/close`);
    const [file] = await t.ctx.db.select().from(files).where(eq(files.applicationId, theirs.application.id));
    const id = theirs.application.id;

    const listA = (await req(provinceA.cookie, 'GET', `/api/authority/rounds/${round.id}/applications?pageSize=100`)).json();
    expect(listA.items.map((i: { id: string }) => i.id)).toEqual([mine.application.id]);
    const searchA = (await req(provinceA.cookie, 'GET', `/api/authority/rounds/${round.id}/applications?keyword=${theirs.number}&region=320102`)).json();
    expect(searchA.total).toBe(0);

    const refused = [
      await req(provinceA.cookie, 'GET', `/api/authority/applications/${id}`),
      await req(provinceA.cookie, 'GET', `/api/authority/applications/${id}/files/${file!.id}`),
      await req(provinceA.cookie, 'GET', `/api/authority/applications/${id}/files/${file!.id}?inline=1`),
      await req(provinceA.cookie, 'GET', `/api/authority/applications/${id}/pdf`),
      await req(provinceA.cookie, 'POST', `/api/authority/applications/${id}/check`, { result: 'returned', reason: '越权退回' }),
      await req(provinceA.cookie, 'POST', `/api/authority/applications/${id}/reopen`, { reason: '越权开放', expiresAt: new Date(Date.now() + 86400_000).toISOString(), scope: { whole: true, sections: [], slots: [] } }),
      await req(provinceA.cookie, 'PUT', `/api/authority/applications/${id}/opinion`, { opinion: '越权意见' }),
      await req(provinceA.cookie, 'POST', '/api/authority/paper', { number: theirs.number }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual(refused.map(() => 404));
    expect(refused[0]!.json()).toEqual({ code: 'NOT_FOUND', message: '申报书不存在或无权访问' });
    // Nothing was written for province A.
    expect(await t.ctx.db.select().from(reviews).where(eq(reviews.reviewerRegion, '440000'))).toEqual([]);

    // Province B's reopening cannot be closed from A either.
    const opened = await req(cityB.cookie, 'POST', `/api/authority/applications/${id}/reopen`, { reason: '补正材料', expiresAt: new Date(Date.now() + 86400_000).toISOString(), scope: { whole: true, sections: [], slots: [] } });
    expect(opened.statusCode).toBe(200);
    expect((await req(provinceA.cookie, 'POST', `/api/authority/reopenings/${opened.json().id}/close`)).statusCode).toBe(404);
    const [still] = await t.ctx.db.select().from(reopenings).where(eq(reopenings.id, opened.json().id));
    expect(still!.closedAt).toBeNull();

    // Province B itself sees and acts on it.
    expect((await req(provinceB.cookie, 'GET', `/api/authority/applications/${id}`)).statusCode).toBe(200);
    expect((await req(provinceB.cookie, 'POST', '/api/authority/paper', { number: theirs.number })).json().result).toBe('matches');
  });

  it('keeps a district to its own applicants when districts review first', async () => {
    const round = await makeRound(t.ctx, { config: { reviewLevels: ['district', 'city', 'province', 'ministry'] } });
    const nanshan = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const futian = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440304' });
    const district = await makeAuthority(t.ctx, '440305');
    const city = await makeAuthority(t.ctx, '440300');
    const list = (await req(district.cookie, 'GET', `/api/authority/rounds/${round.id}/applications`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([nanshan.application.id]);
    expect((await req(district.cookie, 'GET', `/api/authority/applications/${futian.application.id}`)).statusCode).toBe(404);
    expect((await req(district.cookie, 'POST', `/api/authority/applications/${futian.application.id}/check`, { result: 'passed' })).statusCode).toBe(404);
    // The city sees only what its districts recommended.
    expect((await req(city.cookie, 'GET', `/api/authority/rounds/${round.id}/applications`)).json().total).toBe(0);
    await insertRecommended(t.ctx, futian.application, '440304', 1);
    const cityList = (await req(city.cookie, 'GET', `/api/authority/rounds/${round.id}/applications`)).json();
    expect(cityList.items.map((i: { id: string }) => i.id)).toEqual([futian.application.id]);
  });
});
