import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplication, makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { auditEvents, files } from '../../db/schema/index.js';
import { insertRecommended, insertReview, requester } from './reviewFixtures.js';

describe('authority review: list and detail', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  const list = async (cookie: string, roundId: string, query = '') => {
    const res = await req(cookie, 'GET', `/api/authority/rounds/${roundId}/applications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: string; organisationName: string; regionCode: string; recommended: boolean; rank: number | null; number: string; checkStatus: string; contactMobileMasked: string }[]; counts: Record<string, number> };
  };

  it('lets a city see its districts’ submitted applications, and the province only what cities recommended', async () => {
    const round = await makeRound(t.ctx);
    const nanshan1 = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const nanshan2 = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const futian = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440304' });
    const guangzhou = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440106' });
    await makeApplication(t.ctx, { roundId: round.id, regionCode: '440305' }); // a draft: nobody sees it
    const city = await makeAuthority(t.ctx, '440300');
    const province = await makeAuthority(t.ctx, '440000');
    const ministry = await makeAuthority(t.ctx, '000000');

    const cityList = await list(city.cookie, round.id);
    expect(cityList.items.map((i) => i.id).sort()).toEqual([nanshan1, nanshan2, futian].map((m) => m.application.id).sort());
    expect(cityList.counts).toEqual({ all: 3, recommended: 0, passed: 0, returned: 0, pending: 3 });
    expect(cityList.items[0]!.contactMobileMasked).toBe('139****5678');

    expect((await list(province.cookie, round.id)).total).toBe(0);
    await insertRecommended(t.ctx, nanshan2.application, '440300', 1);
    await insertRecommended(t.ctx, guangzhou.application, '440100', 1);
    const provinceList = await list(province.cookie, round.id);
    expect(provinceList.items.map((i) => i.id).sort()).toEqual([nanshan2, guangzhou].map((m) => m.application.id).sort());
    // The city's recommendation is not the province's: nothing is recommended at the province yet.
    expect(provinceList.counts.recommended).toBe(0);
    expect((await list(ministry.cookie, round.id)).total).toBe(0);
  });

  it('filters, sorts and pages, with the recommended pinned on top in rank order', async () => {
    const round = await makeRound(t.ctx);
    const made = [];
    for (const regionCode of ['440305', '440305', '440304', '440304', '440305']) made.push(await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode }));
    const platform = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305', category: 'platform', subType: 'shared' });
    const city = await makeAuthority(t.ctx, '440300');
    await insertRecommended(t.ctx, made[3]!.application, '440300', 2);
    await insertRecommended(t.ctx, made[1]!.application, '440300', 1);
    await insertReview(t.ctx, made[4]!.application, '440300', { checkStatus: 'returned', checkReason: '缺少审计报告' });

    const all = await list(city.cookie, round.id, '?sort=name&order=asc&pageSize=100');
    expect(all.total).toBe(6);
    expect(all.items.slice(0, 2).map((i) => [i.id, i.rank])).toEqual([[made[1]!.application.id, 1], [made[3]!.application.id, 2]]);
    const rest = all.items.slice(2).map((i) => i.organisationName);
    expect(rest).toEqual([...rest].sort());
    expect(all.counts).toEqual({ all: 6, recommended: 2, passed: 2, returned: 1, pending: 3 });

    const platforms = await list(city.cookie, round.id, '?category=platform&subType=shared');
    expect(platforms.items.map((i) => i.id)).toEqual([platform.application.id]);
    const futian = await list(city.cookie, round.id, '?region=440304');
    expect(futian.items.every((i) => i.regionCode === '440304')).toBe(true);
    expect(futian.total).toBe(2);
    const byName = await list(city.cookie, round.id, `?keyword=${encodeURIComponent(made[2]!.org.name!.slice(-6))}`);
    expect(byName.items.map((i) => i.id)).toEqual([made[2]!.application.id]);
    const byNumber = await list(city.cookie, round.id, `?keyword=${encodeURIComponent(made[0]!.number.toLowerCase())}`);
    expect(byNumber.items.map((i) => i.id)).toEqual([made[0]!.application.id]);
    const returned = await list(city.cookie, round.id, '?checkStatus=returned');
    expect(returned.items.map((i) => i.id)).toEqual([made[4]!.application.id]);
    expect(returned.counts.all).toBe(6);
    const notRecommended = await list(city.cookie, round.id, '?recommended=false');
    expect(notRecommended.total).toBe(4);
    const noneReturnedAmongPlatforms = await list(city.cookie, round.id, '?category=platform&checkStatus=returned');
    expect(noneReturnedAmongPlatforms).toMatchObject({ total: 0, items: [], counts: { all: 1, pending: 1 } });

    const page1 = await list(city.cookie, round.id, '?sort=number&order=desc&pageSize=4&page=1');
    const page2 = await list(city.cookie, round.id, '?sort=number&order=desc&pageSize=4&page=2');
    expect(page1.items).toHaveLength(4);
    expect(page2.items).toHaveLength(2);
    expect(page2.total).toBe(6);
    const numbers = [...page1.items, ...page2.items].slice(2).map((i) => i.number);
    expect(numbers).toEqual([...numbers].sort().reverse());
    const past = await list(city.cookie, round.id, '?pageSize=4&page=9');
    expect(past).toMatchObject({ total: 6, items: [] });

    const bad = await req(city.cookie, 'GET', `/api/authority/rounds/${round.id}/applications?pageSize=1000&sort=evil`);
    expect(bad.statusCode).toBe(400);
  });

  it('shows one application in full, with the levels below and the contact view logged', async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    await insertReview(t.ctx, made.application, '440300', { recommended: true, rank: 1, checkStatus: 'passed', opinion: '同意推荐' });
    const province = await makeAuthority(t.ctx, '440000');
    const res = await req(province.cookie, 'GET', `/api/authority/applications/${made.application.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.application).toMatchObject({ id: made.application.id, number: made.number, category: 'enterprise', categoryTitle: '示范企业', status: 'submitted' });
    expect(body.application.data.mainBusiness).toBeTruthy();
    expect(body.organisation).toMatchObject({ name: made.org.name, uscc: made.org.uscc, contact: { name: '王五', mobile: '13912345678', email: 'wang@example.com' } });
    expect(body.organisation.regionName).toContain('南山区');
    expect(body.files).toHaveLength(2);
    expect(body.submissions).toEqual([expect.objectContaining({ number: made.number, status: 'current' })]);
    expect(body.myReview).toBeNull();
    expect(body.lowerReviews).toEqual([{ level: 'city', regionName: '深圳市', checkStatus: 'passed', recommended: true, rank: 1, opinion: '同意推荐' }]);
    expect(body.can).toMatchObject({ check: true, reopen: false, recommend: false });
    const logged = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'personal_data.view'), eq(auditEvents.subjectId, made.application.id)));
    expect(logged).toEqual([expect.objectContaining({ actorId: province.user.id, regionCode: '440305' })]);
  });

  it('serves files as download, PDFs inline for preview, and the PDF application book', async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const city = await makeAuthority(t.ctx, '440300');
    const fileRows = await t.ctx.db.select().from(files).where(eq(files.applicationId, made.application.id));
    const pdf = fileRows.find((f) => f.kind === 'pdf')!;
    const docx = fileRows.find((f) => f.kind === 'docx')!;
    const base = `/api/authority/applications/${made.application.id}/files`;
    const download = await req(city.cookie, 'GET', `${base}/${pdf.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const preview = await req(city.cookie, 'GET', `${base}/${pdf.id}?inline=1`);
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers['content-type']).toBe('application/pdf');
    const word = await req(city.cookie, 'GET', `${base}/${docx.id}?inline=1`);
    expect(word.headers['content-disposition']).toMatch(/^attachment;/);
    const book = await req(city.cookie, 'GET', `/api/authority/applications/${made.application.id}/pdf`);
    expect(book.statusCode).toBe(200);
    expect(book.headers['content-type']).toBe('application/pdf');
    expect(book.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('lists only the rounds the authority reviews in, with its closing and quota use', async () => {
    const round = await makeRound(t.ctx);
    const city = await makeAuthority(t.ctx, '440300');
    const district = await makeAuthority(t.ctx, '440305');
    const res = await req(city.cookie, 'GET', '/api/authority/rounds');
    expect(res.statusCode).toBe(200);
    const mine = res.json().find((r: { id: string }) => r.id === round.id);
    expect(mine).toMatchObject({ levels: ['city', 'province', 'ministry'], myLevelIndex: 0, closed: false, closedAt: null, canRecommend: false });
    expect(mine.quotas).toContainEqual({ category: 'enterprise', subType: null, max: 6, used: 0 });
    const forDistrict = await req(district.cookie, 'GET', '/api/authority/rounds');
    expect(forDistrict.json().some((r: { id: string }) => r.id === round.id)).toBe(false);
    expect((await req(district.cookie, 'GET', `/api/authority/rounds/${round.id}/applications`)).statusCode).toBe(404);
    const applicant = (await makeApplication(t.ctx, { roundId: round.id })).cookie;
    expect((await req(applicant, 'GET', '/api/authority/rounds')).statusCode).toBe(403);
  });
});
