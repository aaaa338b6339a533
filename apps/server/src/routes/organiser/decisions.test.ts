import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { makeExpert, makeOrganiserRound, makeReachedApplication, makeScoreSheet } from '../../test/factories/stage45.js';
import { auditEvents, notifications, organisations, roundDecisions, smsOutbox } from '../../db/schema/index.js';
import { listMailOutbox } from '../../services/email/OutboxEmailSender.js';
import { mailOutboxDir } from '../../services/email/createEmailSender.js';
import { requester } from '../authority/reviewFixtures.js';

describe('organiser decisions, release and the notices outbox', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  /** Enterprises A > B > C by score, one platform P, one unscored enterprise U. */
  async function scenario() {
    const { round, organiser } = await makeOrganiserRound(t);
    const a = await makeReachedApplication(t, round, { name: '甲公司' });
    const b = await makeReachedApplication(t, round, { name: '乙公司' });
    const c = await makeReachedApplication(t, round, { name: '丙公司' });
    const p = await makeReachedApplication(t, round, { name: '丁平台', category: 'platform', subType: 'shared' });
    const u = await makeReachedApplication(t, round, { name: '戊公司' });
    const experts = await Promise.all([1, 2, 3].map(() => makeExpert(t)));
    for (const [i, e] of experts.entries()) {
      for (const [app, base] of [[a, 90], [b, 80], [c, 70], [p, 75]] as const) {
        await makeScoreSheet(t, { roundId: round.id, applicationId: app.application.id, expertId: e.user.id, total: base - i });
      }
    }
    // The applicant of A gave an e-mail for the organisation's contact.
    await t.ctx.db
      .update(organisations)
      .set({ contact: { name: '张三', position: '经理', mobileEnc: t.ctx.personalData.protect('13900000000'), emailEnc: t.ctx.personalData.protect('zhang.san@example.com') } })
      .where(eq(organisations.id, a.org.id));
    const base = `/api/organiser/rounds/${round.id}`;
    return { round, organiser, a, b, c, p, u, base };
  }

  it('prepares the top N per category, previews counts, names and the limit check, and edits by hand', async () => {
    const { organiser, a, b, c, p, u, base } = await scenario();
    const prepared = await req(organiser.cookie, 'POST', `${base}/decisions/prepare`, { topN: { enterprise: 2, 'platform:shared': 1 } });
    expect(prepared.json()).toEqual({ selected: 3, notSelected: 2 });
    const list = (await req(organiser.cookie, 'GET', `${base}/decisions`)).json();
    const decisionOf = (id: string) => list.rows.find((r: { applicationId: string }) => r.applicationId === id);
    expect(decisionOf(a.application.id)).toMatchObject({ decision: 'selected', rank: 1 });
    expect(decisionOf(b.application.id)).toMatchObject({ decision: 'selected', rank: 2 });
    expect(decisionOf(c.application.id)).toMatchObject({ decision: 'not_selected', rank: null });
    expect(decisionOf(u.application.id)).toMatchObject({ decision: 'not_selected' });
    expect(decisionOf(p.application.id)).toMatchObject({ decision: 'selected', groupKey: 'platform:shared' });

    const preview = (await req(organiser.cookie, 'POST', `${base}/decisions/preview`, { limits: { enterprise: 2 } })).json();
    expect(preview).toMatchObject({ totalSelected: 3, totalNotSelected: 2, canRelease: true, errors: [] });
    const enterprise = preview.groups.find((g: { key: string }) => g.key === 'enterprise');
    expect(enterprise).toMatchObject({ selected: 2, notSelected: 2, undecided: 0, limit: 2, overLimit: false, selectedNames: ['甲公司', '乙公司'] });
    expect(preview.warnings.join()).toContain('1个申报尚无专家评分');

    // Moving C in by hand breaks the limit of 2: the preview says so and the release is refused.
    const edited = await req(organiser.cookie, 'PUT', `${base}/decisions/${c.application.id}`, { decision: 'selected', note: '现场考察表现突出' });
    expect(edited.json()).toMatchObject({ decision: 'selected', rank: 3 });
    const over = (await req(organiser.cookie, 'POST', `${base}/decisions/preview`, { limits: { enterprise: 2 } })).json();
    expect(over.canRelease).toBe(false);
    expect(over.errors[0]).toContain('超过上限2个');
    const refused = await req(organiser.cookie, 'POST', `${base}/decisions/release`, { limits: { enterprise: 2 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('超过上限');
    const rows = await t.ctx.db.select().from(roundDecisions).where(eq(roundDecisions.applicationId, c.application.id));
    expect(rows[0]!.releasedAt).toBeNull();

    // Selecting an unscored application is allowed but warned about.
    await req(organiser.cookie, 'PUT', `${base}/decisions/${u.application.id}`, { decision: 'selected' });
    const warned = (await req(organiser.cookie, 'POST', `${base}/decisions/preview`, { limits: {} })).json();
    expect(warned.warnings.join()).toContain('戊公司尚无专家评分却拟入选');
  });

  it('refuses to release while an application has no decision', async () => {
    const { organiser, a, base } = await scenario();
    await req(organiser.cookie, 'PUT', `${base}/decisions/${a.application.id}`, { decision: 'selected' });
    const res = await req(organiser.cookie, 'POST', `${base}/decisions/release`, { limits: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('尚未作出决定');
  });

  it('releases all decisions together once, with pending notices; a second release waits for a reopen', async () => {
    const { round, organiser, a, base } = await scenario();
    await req(organiser.cookie, 'POST', `${base}/decisions/prepare`, { topN: { enterprise: 2, 'platform:shared': 1 } });
    const [first, second] = await Promise.all([
      req(organiser.cookie, 'POST', `${base}/decisions/release`, { limits: { enterprise: 2 } }),
      req(organiser.cookie, 'POST', `${base}/decisions/release`, { limits: { enterprise: 2 } }),
    ]);
    const codes = [first.statusCode, second.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const ok = (first.statusCode === 200 ? first : second).json();
    expect(ok).toMatchObject({ released: 5, notifications: 5 });
    const decisions = await t.ctx.db.select().from(roundDecisions).where(eq(roundDecisions.roundId, round.id));
    expect(new Set(decisions.map((d) => d.releasedAt?.toISOString()))).toEqual(new Set([ok.releasedAt]));
    const pending = await t.ctx.db.select().from(notifications).where(eq(notifications.roundId, round.id));
    expect(pending).toHaveLength(5);
    expect(pending.every((n) => n.status === 'pending')).toBe(true);
    const mine = pending.find((n) => n.userId === a.org.userId)!;
    expect(mine.kind).toBe('decision_selected');
    expect(mine.title).toContain('入选');
    expect(mine.title).toContain(round.name);
    expect(pending.filter((n) => n.kind === 'decision_not_selected').every((n) => n.title.endsWith('未入选'))).toBe(true);

    // Locked until reopened: edits and a new draft are refused.
    expect((await req(organiser.cookie, 'PUT', `${base}/decisions/${a.application.id}`, { decision: 'not_selected' })).statusCode).toBe(409);
    expect((await req(organiser.cookie, 'POST', `${base}/decisions/prepare`, { topN: {} })).statusCode).toBe(409);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, round.id), eq(auditEvents.action, 'decisions.release')));
    expect(audit).toHaveLength(1);

    // Reopen withdraws the pending notices; a new release prepares them again.
    expect((await req(organiser.cookie, 'POST', `${base}/decisions/reopen`, { reason: '调整' })).statusCode).toBe(400);
    const reopened = await req(organiser.cookie, 'POST', `${base}/decisions/reopen`, { reason: '复核后调整名单' });
    expect(reopened.json()).toEqual({ reopened: 5, withdrawnNotifications: 5 });
    expect((await req(organiser.cookie, 'POST', `${base}/decisions/reopen`, { reason: '复核后调整名单' })).statusCode).toBe(409);
    expect((await req(organiser.cookie, 'POST', `${base}/decisions/release`, { limits: {} })).statusCode).toBe(200);
  });

  it('shows the outbox masked, sends on 发送 (SMS and e-mail outboxes) and only then shows applicants their own notice', async () => {
    const { round, organiser, a, b, base } = await scenario();
    await req(organiser.cookie, 'POST', `${base}/decisions/prepare`, { topN: { enterprise: 1, 'platform:shared': 1 } });
    await req(organiser.cookie, 'POST', `${base}/decisions/release`, { limits: {} });
    const applicantA = { cookie: await loginAs(a.org.userId) };
    const applicantB = { cookie: await loginAs(b.org.userId) };

    // Pending: the applicant sees nothing yet.
    expect((await req(applicantA.cookie, 'GET', '/api/notifications')).json()).toEqual({ items: [], unread: 0 });

    const outbox = (await req(organiser.cookie, 'GET', `${base}/outbox`)).json();
    expect(outbox.pending).toHaveLength(5);
    const toA = outbox.pending.find((n: { recipientName: string }) => n.recipientName === '甲公司');
    expect(toA.emailMasked).toBe('z***@example.com');
    expect(toA.mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(outbox)).not.toContain('zhang.san@example.com');

    const smsBefore = (await t.ctx.db.select().from(smsOutbox)).length;
    const sent = (await req(organiser.cookie, 'POST', `${base}/outbox/release`)).json();
    expect(sent).toEqual({ released: 5, sent: 5, failed: 0 });
    const sms = await t.ctx.db.select().from(smsOutbox);
    expect(sms.length - smsBefore).toBe(5);
    expect(sms.some((m) => m.text.includes('甲公司') && m.text.includes('入选'))).toBe(true);
    const mail = await listMailOutbox(mailOutboxDir(t.ctx.env));
    expect(mail.find((m) => m.toMasked === 'z***@example.com')?.subject).toContain('入选');
    expect(fs.readdirSync(mailOutboxDir(t.ctx.env)).some((n) => n.endsWith('.eml'))).toBe(true);
    const devMail = await t.app.inject({ method: 'GET', url: '/api/dev/mail-outbox' });
    expect(devMail.json().some((m: { toMasked: string }) => m.toMasked === 'z***@example.com')).toBe(true);
    expect((await req(organiser.cookie, 'GET', `${base}/outbox`)).json()).toMatchObject({ pending: [], sentCount: 5 });
    expect((await req(organiser.cookie, 'POST', `${base}/outbox/release`)).json()).toEqual({ released: 0, sent: 0, failed: 0 });

    // Each applicant sees exactly their own notice, and marks it read.
    const listA = (await req(applicantA.cookie, 'GET', '/api/notifications')).json();
    expect(listA.unread).toBe(1);
    expect(listA.items).toHaveLength(1);
    expect(listA.items[0].title).toBe(`${round.name}：入选`);
    const listB = (await req(applicantB.cookie, 'GET', '/api/notifications')).json();
    expect(listB.items[0].title).toBe(`${round.name}：未入选`);
    // B cannot mark A's notice read.
    expect((await req(applicantB.cookie, 'POST', '/api/notifications/read', { ids: [listA.items[0].id] })).json()).toEqual({ marked: 0 });
    expect((await req(applicantA.cookie, 'POST', '/api/notifications/read', { ids: [listA.items[0].id] })).json()).toEqual({ marked: 1 });
    expect((await req(applicantA.cookie, 'GET', '/api/notifications')).json()).toMatchObject({ unread: 0, items: [{ read: true }] });
  });

  it('answers 404 to another organiser and refuses experts and applicants', async () => {
    const { organiser, a, base } = await scenario();
    await req(organiser.cookie, 'POST', `${base}/decisions/prepare`, { topN: { enterprise: 1 } });
    const other = await makeAuthority(t.ctx, '440000');
    const expert = await makeExpert(t);
    const applicant = await makeApplicant(t.ctx);
    const calls: [string, string, object?][] = [
      ['GET', `${base}/decisions`],
      ['POST', `${base}/decisions/prepare`, { topN: { enterprise: 3 } }],
      ['PUT', `${base}/decisions/${a.application.id}`, { decision: 'not_selected' }],
      ['POST', `${base}/decisions/preview`, { limits: {} }],
      ['POST', `${base}/decisions/release`, { limits: {} }],
      ['POST', `${base}/decisions/reopen`, { reason: '越权重新开放' }],
      ['GET', `${base}/outbox`],
      ['POST', `${base}/outbox/release`],
    ];
    for (const [method, url, body] of calls) {
      expect((await req(other.cookie, method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(404);
      expect((await req(expert.cookie, method as 'GET', url, body)).statusCode).toBe(403);
      expect((await req(applicant.cookie, method as 'GET', url, body)).statusCode).toBe(403);
    }
    const unchanged = await t.ctx.db.select().from(roundDecisions).where(eq(roundDecisions.applicationId, a.application.id));
    expect(unchanged[0]).toMatchObject({ decision: 'selected', releasedAt: null });
  });

  async function loginAs(userId: string) {
    const { createSession, SESSION_COOKIE } = await import('../../services/sessions.js');
    return `${SESSION_COOKIE}=${await createSession(t.ctx.db, userId, 24, t.ctx.now())}`;
  }
});
