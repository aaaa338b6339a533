import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';

describe('the level above sees the recommendations in the order of the level below', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  it('lists a city’s two recommendations for the province in the city’s ranking, not by submission time', async () => {
    const round = await makeRound(t.ctx);
    const city = await makeAuthority(t.ctx, '440300');
    const province = await makeAuthority(t.ctx, '440000');
    const first = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const second = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440306' });
    const as = (cookie: string, method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: { cookie } });

    expect((await as(city.cookie, 'POST', `/api/authority/rounds/${round.id}/close`)).statusCode).toBe(200);
    // The city ranks the earlier submission first; the default list sort (newest first) would not.
    for (const a of [first, second]) expect((await as(city.cookie, 'POST', `/api/authority/applications/${a.application.id}/recommend`)).statusCode).toBe(200);

    const list = (await as(province.cookie, 'GET', `/api/authority/rounds/${round.id}/applications`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([first.application.id, second.application.id]);
    expect(list.items.map((i: { lowerRank: number }) => i.lowerRank)).toEqual([1, 2]);
  });
});
