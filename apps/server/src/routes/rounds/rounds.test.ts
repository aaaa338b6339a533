import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { GUANGDONG_2023_TEMPLATE } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority, makeOrganisation, makeRound } from '../../test/factories.js';
import { rounds } from '../../db/schema/index.js';
import { requester } from '../authority/reviewFixtures.js';

describe('open rounds for applicants', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  let national: string;
  let shenzhen: string;
  let guangdong: string;
  let shanghai: string;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
    const at = async (organiserRegion: string, config = {}) => {
      const r = await makeRound(t.ctx, { config });
      await t.ctx.db.update(rounds).set({ organiserRegion, status: 'open' }).where(eq(rounds.id, r.id));
      return r.id;
    };
    national = await at('000000');
    shenzhen = await at('440300', { reviewLevels: ['district', 'city'] });
    guangdong = await at('440000', GUANGDONG_2023_TEMPLATE.config);
    shanghai = await at('310000', { reviewLevels: ['district', 'province'] });
    // A draft round is nobody's to see.
    const draft = await makeRound(t.ctx);
    await t.ctx.db.update(rounds).set({ status: 'draft' }).where(eq(rounds.id, draft.id));
  });
  afterAll(() => t.close());

  async function applicantIn(regionCode: string) {
    const a = await makeApplicant(t.ctx);
    await makeOrganisation(t.ctx, a.user.id, { regionCode });
    return a;
  }
  const ids = async (cookie: string) => ((await req(cookie, 'GET', '/api/rounds')).json() as { id: string }[]).map((r) => r.id).sort();

  it.each([
    // Nanshan (Shenzhen): the national and the Shenzhen round; Guangdong's leaves Shenzhen out.
    ['440305', () => [national, shenzhen]],
    // Guangzhou: the national and Guangdong's.
    ['440106', () => [national, guangdong]],
    ['310104', () => [national, shanghai]],
    ['110108', () => [national]],
  ])('an applicant of %s sees every open round it may enter', async (region, expected) => {
    const a = await applicantIn(region);
    expect(await ids(a.cookie)).toEqual(expected().sort());
  });

  it('refuses to start an application in a round the region may not enter', async () => {
    const a = await applicantIn('440305');
    const res = await req(a.cookie, 'POST', '/api/applications', { roundId: guangdong, category: 'enterprise', subType: null });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('本单位所在地区不在该批次的申报范围内');
    expect((await req(a.cookie, 'POST', '/api/applications', { roundId: shenzhen, category: 'enterprise', subType: null })).statusCode).toBe(200);
  });

  it('authorities and visitors still see every open round (the detail view reads their settings)', async () => {
    const authority = await makeAuthority(t.ctx, '440300');
    const all = [national, shenzhen, guangdong, shanghai].sort();
    expect(await ids(authority.cookie)).toEqual(all);
    const anonymous = ((await t.app.inject({ method: 'GET', url: '/api/rounds' })).json() as { id: string }[]).map((r) => r.id).sort();
    expect(anonymous).toEqual(all);
  });
});
