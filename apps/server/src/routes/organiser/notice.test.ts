import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { createSession, SESSION_COOKIE } from '../../services/sessions.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { makeOrganiserRound, makeReachedApplication, makeReleasedSelection } from '../../test/factories/stage45.js';
import { auditEvents, demonstrationUnits, noticeEntries, notifications, objections, publicNotices, roundDecisions, rounds } from '../../db/schema/index.js';

const DAY = 86400_000;

// Runs on PGlite by default and on PostgreSQL with TEST_DATABASE_URL.
describe('public notice (organiser)', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  let address = 0;
  type Method = 'GET' | 'POST' | 'PUT';
  const req = (cookie: string, method: Method, url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });
  /** An anonymous visitor, each from an address of its own (the public write limit counts per address). */
  const lodge = (code: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/public/notices/${code}/objections`, payload, remoteAddress: `10.9.${(++address >> 8) & 255}.${address & 255}` });

  /** A ministry round named like the 3rd national batch, with a 5-day notice period and 3 released selections. */
  async function setup() {
    t.setNow(null);
    const { round, organiser } = await makeOrganiserRound(t, { config: { stages: { noticeDays: 5 } } });
    await t.ctx.db.update(rounds).set({ name: '第三批服务型制造示范遴选' }).where(eq(rounds.id, round.id));
    const made = await makeReleasedSelection(t, round, organiser.user.id, [
      { category: 'platform', subType: 'other', regionCode: '440305' },
      { category: 'enterprise', regionCode: '320505' },
      { category: 'enterprise', regionCode: '440305' },
    ]);
    const base = `/api/organiser/rounds/${round.id}/notice`;
    // Sessions end after 30 idle minutes, and these tests move the clock by days: a fresh one per request.
    const orgCookie = async () => `${SESSION_COOKIE}=${await createSession(t.ctx.db, organiser.user.id, 24, t.ctx.now())}`;
    const create = async (body: object = {}) => req(await orgCookie(), 'POST', base, { title: '第三批服务型制造示范名单公示', contactInfo: '电话：010-68200000', ...body });
    return { round, organiser, orgCookie, made, base, create };
  }

  it('creates the notice from the released selections: default window, entries by category then rank, audited', async () => {
    const { round, made, create } = await setup();
    // Neither an unreleased nor a not-selected decision is listed.
    const extra = await makeReachedApplication(t, round, {});
    await t.ctx.db.insert(roundDecisions).values({ roundId: round.id, applicationId: extra.application.id, decision: 'selected', rank: 9, preparedBy: extra.applicant.user.id });
    const start = new Date(Date.now() + DAY);
    const res = await create({ startsAt: start.toISOString() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.notice).toMatchObject({ title: '第三批服务型制造示范名单公示', phase: 'upcoming', editable: true });
    expect(new Date(body.notice.endsAt).getTime() - new Date(body.notice.startsAt).getTime()).toBe(5 * DAY);
    expect(body.entries.map((e: { name: string }) => e.name)).toEqual([made[1]!.org.name, made[2]!.org.name, made[0]!.org.name]);
    expect(body.entries.map((e: { position: number }) => e.position)).toEqual([1, 2, 3]);
    expect(body.entries[0]).toMatchObject({ category: 'enterprise', regionName: expect.stringMatching(/^江苏省 苏州市 /) });
    expect(body.entries[2]).toMatchObject({ category: 'platform', subType: 'other' });
    expect(body.entries[0].mode).toBeTruthy();
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'notice.create'), eq(auditEvents.subjectId, body.notice.id)));
    expect(audit).toHaveLength(1);
    expect((await create({ startsAt: start.toISOString() })).statusCode).toBe(409);
  });

  it('refuses a notice without released selections, and windows that end too early or start in the past', async () => {
    const { round, organiser } = await makeOrganiserRound(t);
    const empty = await req(organiser.cookie, 'POST', `/api/organiser/rounds/${round.id}/notice`, { title: '名单公示' });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().message).toContain('尚无已发布的拟入选名单');

    const { create } = await setup();
    const start = new Date(Date.now() + DAY);
    const before = await create({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() - 1000).toISOString() });
    expect(before.statusCode).toBe(400);
    expect(before.json().fields.endsAt).toBe('公示结束时间须晚于开始时间');
    const short = await create({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + DAY / 2).toISOString() });
    expect(short.json().fields.endsAt).toBe('公示期至少1天');
    const past = await create({ startsAt: new Date(Date.now() - 2 * DAY).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toBe('公示开始时间不能早于当前时间');
  });

  it('edits the notice before it starts and refuses once it has started', async () => {
    const { orgCookie, base, create } = await setup();
    const start = new Date(Date.now() + DAY);
    await create({ startsAt: start.toISOString() });
    const edit = await req(await orgCookie(), 'PUT', base, { title: '修改后的公示标题', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7 * DAY).toISOString() });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().notice.title).toBe('修改后的公示标题');
    t.setNow(new Date(start.getTime() + 1000));
    const late = await req(await orgCookie(), 'PUT', base, { title: '再次修改' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('公示已开始，不能修改');
    t.setNow(null);
  });

  it('accepts objections only inside the window, validated; the honeypot stores nothing', async () => {
    const { round, create } = await setup();
    const start = new Date(Date.now() + DAY);
    const created = (await create({ startsAt: start.toISOString() })).json();
    const entryId = created.entries[0].id;
    const good = { entryId, text: '该企业服务收入占比数据与实际不符，请核查。', name: '张先生', contact: '13712345678' };

    const early = await lodge(round.code, good);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('公示期未开始');

    t.setNow(new Date(start.getTime() + 1000));
    const ok = await lodge(round.code, good);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().receipt).toMatch(/^YY-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const [stored] = await t.ctx.db.select().from(objections).where(eq(objections.noticeId, created.notice.id));
    expect(stored!.contactEnc).not.toContain('13712345678');
    expect(t.ctx.personalData.reveal(stored!.contactEnc)).toBe('13712345678');

    expect((await lodge(round.code, { ...good, text: '太短了' })).json().fields.text).toContain('至少10个字');
    expect((await lodge(round.code, { ...good, contact: '12345' })).json().fields.contact).toBe('请填写正确的手机号码或电子邮箱');
    expect((await lodge(round.code, { ...good, contact: 'zhang@example.cn', entryId: undefined })).statusCode).toBe(200);
    const foreign = await lodge(round.code, { ...good, entryId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.statusCode).toBe(400);
    const bot = await lodge(round.code, { ...good, website: 'http://spam.example' });
    expect(bot.statusCode).toBe(200);
    expect(await t.ctx.db.select().from(objections).where(eq(objections.noticeId, created.notice.id))).toHaveLength(2);

    t.setNow(new Date(new Date(created.notice.endsAt).getTime() + 1000));
    const late = await lodge(round.code, good);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('公示期已结束');
    t.setNow(null);
  });

  it('upholding an objection withdraws its entry with the public reason and tells the applicant; rejecting keeps it', async () => {
    const { round, orgCookie, made, base, create } = await setup();
    const start = new Date(Date.now() + DAY);
    const created = (await create({ startsAt: start.toISOString() })).json();
    t.setNow(new Date(start.getTime() + 1000));
    const [first, second] = created.entries;
    await lodge(round.code, { entryId: first.id, text: '该企业近三年存在重大安全生产事故，不符合条件。', name: '李女士', contact: 'li@example.cn' });
    await lodge(round.code, { entryId: second.id, text: '该企业的申报材料中数据疑似有误，请核查。', name: '王先生', contact: '13612345678' });
    const list = (await req(await orgCookie(), 'GET', base)).json();
    expect(list.objections).toHaveLength(2);
    expect(list.objections.every((o: { status: string }) => o.status === 'open')).toBe(true);
    expect(JSON.stringify(list.objections)).not.toContain('13612345678');
    expect(list.objections.map((o: { contactMasked: string }) => o.contactMasked).sort()).toEqual(['136****5678', 'l***@example.cn']);
    const onFirst = list.objections.find((o: { entryId: string }) => o.entryId === first.id);
    const onSecond = list.objections.find((o: { entryId: string }) => o.entryId === second.id);

    const contact = await req(await orgCookie(), 'GET', `/api/organiser/objections/${onFirst.id}/contact`);
    expect(contact.json()).toEqual({ name: '李女士', contact: 'li@example.cn' });
    expect(await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'objection.contact_view'), eq(auditEvents.subjectId, onFirst.id)))).toHaveLength(1);

    const upheld = await req(await orgCookie(), 'POST', `/api/organiser/objections/${onFirst.id}/answer`, { outcome: 'uphold', answer: '经核查，异议属实，已撤销该单位。', withdrawReason: '经核查不符合申报条件' });
    expect(upheld.json()).toEqual({ status: 'upheld', withdrawn: true });
    const [entry] = await t.ctx.db.select().from(noticeEntries).where(eq(noticeEntries.id, first.id));
    expect(entry!.withdrawnAt).not.toBeNull();
    expect(entry!.withdrawReason).toBe('经核查不符合申报条件');
    expect((await req(await orgCookie(), 'POST', `/api/organiser/objections/${onFirst.id}/answer`, { outcome: 'reject', answer: '再次答复' })).statusCode).toBe(409);

    const rejected = await req(await orgCookie(), 'POST', `/api/organiser/objections/${onSecond.id}/answer`, { outcome: 'reject', answer: '经核查，数据无误。' });
    expect(rejected.json()).toEqual({ status: 'rejected', withdrawn: false });
    const [kept] = await t.ctx.db.select().from(noticeEntries).where(eq(noticeEntries.id, second.id));
    expect(kept!.withdrawnAt).toBeNull();

    const firstApplicant = made[1]!.applicant.user.id; // the first entry: the first enterprise
    const told = await t.ctx.db.select().from(notifications).where(and(eq(notifications.userId, firstApplicant), eq(notifications.kind, 'objection_answered')));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ status: 'released', roundId: round.id, channels: ['sms'] });
    expect(told[0]!.body).toContain('已从公示名单中撤销');
    expect(told[0]!.body).not.toContain('李女士');
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, onFirst.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['objection.lodge', 'objection.uphold']));
    t.setNow(null);
  });

  it('publishes only after the window with every objection answered: units for the entries still listed', async () => {
    const { round, orgCookie, made, base, create } = await setup();
    const start = new Date(Date.now() + DAY);
    const created = (await create({ startsAt: start.toISOString() })).json();
    const publish = async () => req(await orgCookie(), 'POST', `${base}/publish`);
    t.setNow(new Date(start.getTime() + 1000));
    await lodge(round.code, { entryId: created.entries[2].id, text: '该平台运营未满两年，不符合申报条件。', name: '赵先生', contact: '13512345678' });

    const early = await publish();
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('公示期尚未结束');

    t.setNow(new Date(new Date(created.notice.endsAt).getTime() + 1000));
    const open = await publish();
    expect(open.statusCode).toBe(409);
    expect(open.json().message).toBe('尚有1条异议未处理，处理完毕后方可发布');
    const view = (await req(await orgCookie(), 'GET', base)).json();
    expect(view.checks).toMatchObject({ windowEnded: true, openObjections: 1, canPublish: false });
    await req(await orgCookie(), 'POST', `/api/organiser/objections/${view.objections[0].id}/answer`, { outcome: 'uphold', answer: '经核查属实。' });

    const done = await publish();
    expect(done.statusCode).toBe(200);
    expect(done.json().notice.phase).toBe('published');
    expect(done.json().checks).toMatchObject({ published: true, units: 2, canPublish: false });
    const units = await t.ctx.db.select().from(demonstrationUnits).where(eq(demonstrationUnits.roundId, round.id));
    expect(units).toHaveLength(2);
    expect(units.map((u) => u.applicationId).sort()).toEqual([made[1]!.application.id, made[2]!.application.id].sort());
    expect(units[0]).toMatchObject({ title: '服务型制造示范企业', batch: '第三批', source: 'published', status: 'active', category: 'enterprise' });
    expect(units[0]!.year).toBe(new Date(t.ctx.now().getTime() + 8 * 3600_000).getUTCFullYear());
    expect(units.find((u) => u.applicationId === made[1]!.application.id)!.uscc).toBe(made[1]!.org.uscc);
    const [r] = await t.ctx.db.select().from(rounds).where(eq(rounds.id, round.id));
    expect(r!.status).toBe('published');
    const [n] = await t.ctx.db.select().from(publicNotices).where(eq(publicNotices.id, created.notice.id));
    expect(n!.publishedAt).not.toBeNull();
    const told = await t.ctx.db.select().from(notifications).where(and(eq(notifications.roundId, round.id), eq(notifications.kind, 'notice_published')));
    expect(told.map((x) => x.userId).sort()).toEqual([made[1]!.applicant.user.id, made[2]!.applicant.user.id].sort());
    expect(told.every((x) => x.status === 'released' && x.releasedAt)).toBe(true);
    expect((await publish()).statusCode).toBe(409);
    expect((await req(await orgCookie(), 'POST', `/api/organiser/objections/${view.objections[0].id}/answer`, { outcome: 'reject', answer: '已发布后' })).statusCode).toBe(409);
    t.setNow(null);
  });

  it('answers 404 to another organiser and 403 to an applicant, on every route', async () => {
    const { round, orgCookie, create, base } = await setup();
    const start = new Date(Date.now() + DAY);
    const created = (await create({ startsAt: start.toISOString() })).json();
    t.setNow(new Date(start.getTime() + 1000));
    await lodge(round.code, { text: '对整个名单有异议，请说明遴选过程。', name: '钱先生', contact: '13412345678' });
    const objectionId = (await req(await orgCookie(), 'GET', base)).json().objections[0].id;
    const province = await makeAuthority(t.ctx, '440000');
    const applicant = await makeApplicant(t.ctx);
    const calls: [Method, string, object?][] = [
      ['GET', base],
      ['POST', base, { title: '另一个公示' }],
      ['PUT', base, { title: '另一个公示' }],
      ['POST', `${base}/publish`],
      ['POST', `/api/organiser/objections/${objectionId}/answer`, { outcome: 'reject', answer: '不成立' }],
      ['GET', `/api/organiser/objections/${objectionId}/contact`],
    ];
    for (const [method, url, payload] of calls) {
      expect((await req(province.cookie, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
      expect((await req(applicant.cookie, method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect(created.notice.id).toBeTruthy();
    t.setNow(null);
  });
});
