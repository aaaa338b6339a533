import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { applications } from '../../db/schema/index.js';
import { insertRecommended, requester } from './reviewFixtures.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const DAY = 86400_000;

describe('authority review: closing, reopening, checks, opinion and paper', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  let seq = 0;
  const versionOf = async (id: string) => (await t.ctx.db.select().from(applications).where(eq(applications.id, id)))[0]!.version;
  const save = async (cookie: string, id: string, changes: Record<string, unknown>) =>
    req(cookie, 'PATCH', `/api/applications/${id}/fields`, { saveId: `save-${Date.now()}-${++seq}`, baseVersion: await versionOf(id), changes });
  const submit = (cookie: string, id: string) => req(cookie, 'POST', `/api/applications/${id}/submit`, { idempotencyKey: `submit-${Date.now()}-${++seq}` });
  const startUpload = (cookie: string, applicationId: string, slot: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { cookie, 'tus-resumable': '1.0.0', 'upload-length': '100', 'upload-metadata': `applicationId ${b64(applicationId)},slot ${b64(slot)},filename ${b64('说明.docx')}` },
    });

  it('closes the region: applicants can no longer save, submit or upload, until the closing is undone', async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const city = await makeAuthority(t.ctx, '440300');
    // A change begun before the closing cannot be submitted after it.
    expect((await save(made.cookie, made.application.id, { mainBusiness: '改动一' })).statusCode).toBe(200);

    const closed = await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ id: round.id, closed: true, canRecommend: true });
    expect((await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/close`)).statusCode).toBe(409);

    const refusedSave = await save(made.cookie, made.application.id, { mainBusiness: '改动二' });
    expect(refusedSave.statusCode).toBe(403);
    expect(refusedSave.json().code).toBe('DEADLINE_PASSED');
    expect((await submit(made.cookie, made.application.id)).statusCode).toBe(403);
    const refusedUpload = await startUpload(made.cookie, made.application.id, 'narrative');
    expect(refusedUpload.statusCode).toBe(403);
    expect(refusedUpload.json().code).toBe('DEADLINE_PASSED');
    const view = await req(made.cookie, 'GET', `/api/applications/${made.application.id}`);
    expect(view.json()).toMatchObject({ closed: true, can: { edit: false, submit: false } });

    const undone = await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/undo-close`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ closed: false, canRecommend: false });
    expect((await save(made.cookie, made.application.id, { mainBusiness: '改动三' })).statusCode).toBe(200);
    expect((await submit(made.cookie, made.application.id)).statusCode).toBe(200);

    // Once something is recommended the closing stays.
    expect((await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/close`)).statusCode).toBe(200);
    await insertRecommended(t.ctx, made.application, '440300', 1);
    const refusedUndo = await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/undo-close`);
    expect(refusedUndo.statusCode).toBe(409);
    expect(refusedUndo.json().message).toContain('不能撤销截止');
  });

  it('reopens one applicant for a section: only that section saves, a re-submit gives a new number, re-closing ends it', async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const city = await makeAuthority(t.ctx, '440300');
    const province = await makeAuthority(t.ctx, '440000');
    const url = `/api/authority/applications/${made.application.id}/reopen`;
    const body = { reason: '营业收入填写有误，请更正', expiresAt: new Date(Date.now() + 3 * DAY).toISOString(), scope: { whole: false, sections: ['basic'], slots: [] } };

    const notClosed = await req(city.cookie, 'POST', url, body);
    expect(notClosed.statusCode).toBe(409);
    await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/close`);
    expect((await req(city.cookie, 'POST', url, { ...body, expiresAt: new Date(Date.now() + 31 * DAY).toISOString() })).statusCode).toBe(400);
    expect((await req(city.cookie, 'POST', url, { ...body, expiresAt: new Date(Date.now() - DAY).toISOString() })).statusCode).toBe(400);
    expect((await req(city.cookie, 'POST', url, { ...body, reason: '短' })).statusCode).toBe(400);
    expect((await req(city.cookie, 'POST', url, { ...body, scope: { whole: false, sections: ['nope'], slots: [] } })).statusCode).toBe(400);
    expect((await req(city.cookie, 'POST', url, { ...body, scope: { whole: false, sections: [], slots: [] } })).statusCode).toBe(400);

    const opened = await req(city.cookie, 'POST', url, body);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ reason: body.reason, scope: body.scope, active: true, closedAt: null, byRegionName: '深圳市' });
    expect((await req(city.cookie, 'POST', url, body)).statusCode).toBe(409);

    const view = (await req(made.cookie, 'GET', `/api/applications/${made.application.id}`)).json();
    expect(view.reopening).toMatchObject({ reason: body.reason, scope: body.scope });
    expect((await save(made.cookie, made.application.id, { mainBusiness: '更正后的主营业务' })).statusCode).toBe(200);
    const outside = await save(made.cookie, made.application.id, { modesOther: '不在开放范围' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不在开放范围内') });
    const upload = await startUpload(made.cookie, made.application.id, 'narrative');
    expect(upload.statusCode).toBe(403);
    expect(upload.json().code).toBe('FORBIDDEN');
    const resubmitted = await submit(made.cookie, made.application.id);
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const newNumber = resubmitted.json().number as string;
    expect(newNumber).not.toBe(made.number);

    // The level above sees the reopening once the city passed the application up.
    await insertRecommended(t.ctx, made.application, '440300', 1);
    const seenAbove = (await req(province.cookie, 'GET', `/api/authority/applications/${made.application.id}`)).json();
    expect(seenAbove.reopenings).toEqual([expect.objectContaining({ id: opened.json().id, reason: body.reason, active: true, byRegionName: '深圳市' })]);
    expect(seenAbove.application.number).toBe(newNumber);

    // Paper check: the old paper copy is flagged, the new number matches (also scanned as a URL, in lower case).
    const old = await req(city.cookie, 'POST', '/api/authority/paper', { number: made.number });
    expect(old.json()).toMatchObject({ number: made.number, result: 'superseded', applicationId: made.application.id, currentNumber: newNumber });
    const scanned = await req(city.cookie, 'POST', '/api/authority/paper', { number: `http://localhost:5173/verify/${newNumber.toLowerCase()}` });
    expect(scanned.json()).toMatchObject({ number: newNumber, result: 'matches', organisationName: made.org.name });
    const detail = (await req(city.cookie, 'GET', `/api/authority/applications/${made.application.id}`)).json();
    expect(detail.myReview).toMatchObject({ paperNumber: newNumber, paperResult: 'matches' });

    const reclosed = await req(city.cookie, 'POST', `/api/authority/reopenings/${opened.json().id}/close`);
    expect(reclosed.statusCode).toBe(200);
    expect(reclosed.json()).toMatchObject({ active: false });
    expect((await req(city.cookie, 'POST', `/api/authority/reopenings/${opened.json().id}/close`)).statusCode).toBe(409);
    expect((await save(made.cookie, made.application.id, { mainBusiness: '再改' })).statusCode).toBe(403);
  });

  it('ends a reopening by itself at its expiry', async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const city = await makeAuthority(t.ctx, '440300');
    await req(city.cookie, 'POST', `/api/authority/rounds/${round.id}/close`);
    // A short reopening, so the jump past its end stays within the sessions' 30-minute idle timeout.
    const expiresAt = new Date(Date.now() + 15 * 60_000);
    const opened = await req(city.cookie, 'POST', `/api/authority/applications/${made.application.id}/reopen`, { reason: '补充材料', expiresAt: expiresAt.toISOString(), scope: { whole: true, sections: [], slots: [] } });
    expect(opened.statusCode).toBe(200);
    expect((await save(made.cookie, made.application.id, { mainBusiness: '到期前' })).statusCode).toBe(200);
    t.setNow(new Date(expiresAt.getTime() + 60_000));
    try {
      expect((await save(made.cookie, made.application.id, { mainBusiness: '到期后' })).statusCode).toBe(403);
      const detail = (await req(city.cookie, 'GET', `/api/authority/applications/${made.application.id}`)).json();
      expect(detail.reopenings[0]).toMatchObject({ active: false, closedAt: null });
      expect(detail.can.reopen).toBe(true);
      const list = (await req(city.cookie, 'GET', `/api/authority/rounds/${round.id}/applications`)).json();
      expect(list.items[0].reopened).toBe(false);
      expect((await req(city.cookie, 'POST', `/api/authority/reopenings/${opened.json().id}/close`)).statusCode).toBe(409);
    } finally {
      t.setNow(null);
    }
  });

  it('returns an application with a reason the applicant sees, and passes another', async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const other = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440304' });
    const city = await makeAuthority(t.ctx, '440300');
    const url = `/api/authority/applications/${made.application.id}/check`;
    const noReason = await req(city.cookie, 'POST', url, { result: 'returned' });
    expect(noReason.statusCode).toBe(400);
    const returned = await req(city.cookie, 'POST', url, { result: 'returned', reason: '缺少近三年审计报告' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ checkStatus: 'returned', checkReason: '缺少近三年审计报告' });
    const seen = (await req(made.cookie, 'GET', `/api/applications/${made.application.id}`)).json();
    expect(seen.checks).toEqual([expect.objectContaining({ level: 'city', status: 'returned', reason: '缺少近三年审计报告' })]);

    const passed = await req(city.cookie, 'POST', `/api/authority/applications/${other.application.id}/check`, { result: 'passed' });
    expect(passed.json()).toMatchObject({ checkStatus: 'passed', checkReason: null });
    const list = (await req(city.cookie, 'GET', `/api/authority/rounds/${round.id}/applications?checkStatus=passed`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([other.application.id]);
    expect(list.counts).toMatchObject({ all: 2, passed: 1, returned: 1, pending: 0 });
  });

  it('keeps an opinion per reviewer and answers unknown for a number that does not exist', async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const city = await makeAuthority(t.ctx, '440300');
    const url = `/api/authority/applications/${made.application.id}/opinion`;
    expect((await req(city.cookie, 'PUT', url, { opinion: '长'.repeat(1001) })).statusCode).toBe(400);
    const saved = await req(city.cookie, 'PUT', url, { opinion: '经审核，材料真实完整，同意推荐。' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().opinion).toBe('经审核，材料真实完整，同意推荐。');
    const pdf = await req(city.cookie, 'GET', `/api/authority/applications/${made.application.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const unknown = await req(city.cookie, 'POST', '/api/authority/paper', { number: ' n3-440305-e99999x ' });
    expect(unknown.json()).toEqual({ number: 'N3-440305-E99999X', result: 'unknown' });
  });
});
