import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { auditEvents, users } from '../../db/schema/index.js';
import { insertRecommended, requester } from './reviewFixtures.js';

// The factory organisation's contact.
const MOBILE = '13912345678';
const EMAIL = 'wang@example.com';
// An issued account's contact.
const ACCOUNT_MOBILE = '13722223333';

/**
 * Mobile numbers and e-mails: masked (139****5678, w***@example.com) in every list; in full only in
 * the detail view, the printed book and the exported summary table, each of which is audited.
 */
describe('personal data in lists and full views', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  let roundId: string;
  let applicationId: string;
  let city: Awaited<ReturnType<typeof makeAuthority>>;
  let province: Awaited<ReturnType<typeof makeAuthority>>;

  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
    const round = await makeRound(t.ctx);
    roundId = round.id;
    const made = await makeSubmittedApplication(t.ctx, { roundId, regionCode: '440305' });
    applicationId = made.application.id;
    city = await makeAuthority(t.ctx, '440300', { displayName: '深圳市工业和信息化局' });
    province = await makeAuthority(t.ctx, '440000');
    await t.ctx.db.update(users).set({ contact: { name: '李四', mobileEnc: t.ctx.personalData.protect(ACCOUNT_MOBILE) } }).where(eq(users.id, city.user.id));
    await insertRecommended(t.ctx, made.application, '440300', 1);
  });
  afterAll(() => t.close());

  const viewsLogged = async (actorId: string) =>
    t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'personal_data.view'), eq(auditEvents.actorId, actorId), eq(auditEvents.subjectId, applicationId)));

  it('masks them in the application list, the summary view and the account list, and logs no view', async () => {
    const lists = [
      { who: city, url: `/api/authority/rounds/${roundId}/applications`, masked: ['139****5678'], hidden: [MOBILE, EMAIL, ACCOUNT_MOBILE] },
      // The header's 联系电话 is the viewer's own contact number (editable before export), not another person's.
      { who: city, url: `/api/authority/rounds/${roundId}/summary`, masked: ['139****5678', 'w***@example.com'], hidden: [MOBILE, EMAIL] },
      { who: province, url: '/api/accounts', masked: ['137****3333'], hidden: [MOBILE, EMAIL, ACCOUNT_MOBILE] },
    ];
    for (const l of lists) {
      const res = await req(l.who.cookie, 'GET', l.url);
      expect(res.statusCode, l.url).toBe(200);
      for (const full of l.hidden) expect(res.body, `${l.url} shows ${full}`).not.toContain(full);
      for (const m of l.masked) expect(res.body, l.url).toContain(m);
    }
    expect(await viewsLogged(city.user.id)).toHaveLength(0);
  });

  it('shows them in full in the detail view and the printed book, each logged as a view', async () => {
    const detail = await req(city.cookie, 'GET', `/api/authority/applications/${applicationId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(MOBILE);
    expect(detail.body).toContain(EMAIL);
    expect(await viewsLogged(city.user.id)).toHaveLength(1);

    const pdf = await req(city.cookie, 'GET', `/api/authority/applications/${applicationId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const logged = await viewsLogged(city.user.id);
    expect(logged).toHaveLength(2);
    expect(logged.map((e) => (e.detail as { via?: string }).via)).toContain('pdf');
    expect(logged.every((e) => e.regionCode === '440305')).toBe(true);
  });

  it('exports the summary table in full and logs the download', async () => {
    const res = await req(city.cookie, 'GET', `/api/authority/rounds/${roundId}/summary.xlsx`);
    expect(res.statusCode).toBe(200);
    const exports = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.summary.export'), eq(auditEvents.actorId, city.user.id)));
    expect(exports).toHaveLength(1);
    expect(exports[0]!.detail).toMatchObject({ format: 'xlsx', rows: 1 });
  });
});
