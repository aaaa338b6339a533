import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DALIAN_2023_TEMPLATE, NATIONAL_3_TEMPLATE } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { regionClosures } from '../../db/schema/index.js';
import { requester } from '../../routes/authority/reviewFixtures.js';
import { quotaUsage } from './quota.js';

// A quota rule naming a level caps only the recommendations made at that level.
describe('quota levels', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  const close = (roundId: string, regionCode: string, by: string) => t.ctx.db.insert(regionClosures).values({ roundId, regionCode, closedAt: t.ctx.now(), closedBy: by });
  const recommend = (cookie: string, id: string) => req(cookie, 'POST', `/api/authority/applications/${id}/recommend`);

  it('national round: the cities are not capped by the per-province numbers; the province is', async () => {
    const config = { ...NATIONAL_3_TEMPLATE.config, quotas: [{ category: 'enterprise' as const, max: 2, level: 'province' as const }] };
    const round = await makeRound(t.ctx, { config });
    const apps = [];
    for (let i = 0; i < 3; i++) apps.push(await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' }));
    const city = await makeAuthority(t.ctx, '440300');
    const province = await makeAuthority(t.ctx, '440000');
    await close(round.id, '440300', city.user.id);
    await close(round.id, '440000', province.user.id);

    const byCity = await Promise.all(apps.map((a) => recommend(city.cookie, a.application.id)));
    expect(byCity.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await quotaUsage(t.ctx.db, round, '440300')).toEqual([]);

    const byProvince = [];
    for (const a of apps) byProvince.push(await recommend(province.cookie, a.application.id));
    expect(byProvince.map((r) => r.statusCode)).toEqual([200, 200, 409]);
    expect(byProvince[2]!.json().message).toBe('推荐名额已满：示范企业最多推荐2个');
    expect(await quotaUsage(t.ctx.db, round, '440000')).toEqual([{ category: 'enterprise', subType: null, max: 2, used: 2 }]);
  });

  it("Dalian: the districts are not capped by the city's numbers", async () => {
    const round = await makeRound(t.ctx, { config: DALIAN_2023_TEMPLATE.config });
    const apps = [];
    for (let i = 0; i < 4; i++) apps.push(await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '210202' }));
    const district = await makeAuthority(t.ctx, '210202');
    await close(round.id, '210202', district.user.id);
    const results = await Promise.all(apps.map((a) => recommend(district.cookie, a.application.id)));
    // Four enterprises, where the city may send three to the ministry.
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(await quotaUsage(t.ctx.db, round, '210202')).toEqual([]);
  });

  it('a rule without a level still caps every level (bulk preview included)', async () => {
    const round = await makeRound(t.ctx, { config: { quotas: [{ category: 'enterprise', max: 1 }] } });
    const apps = [];
    for (let i = 0; i < 2; i++) apps.push(await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' }));
    const city = await makeAuthority(t.ctx, '440300');
    await close(round.id, '440300', city.user.id);
    const preview = await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/bulk/preview`, { action: 'recommend', ids: apps.map((a) => a.application.id) });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().quotaProblems).toEqual(['示范企业推荐名额不足：最多推荐1个，已推荐0个，本次选择2个']);
    expect((await recommend(city.cookie, apps[0]!.application.id)).statusCode).toBe(200);
    expect((await recommend(city.cookie, apps[1]!.application.id)).statusCode).toBe(409);
  });
});
