import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority, makeSubmittedApplication } from '../../test/factories.js';
import { makeExe, makePdf, makePng } from '../../test/documents.js';
import { makeExpert, makeInspection, makeOrganiserRound, makeReachedApplication } from '../../test/factories/stage45.js';
import { auditEvents, files } from '../../db/schema/index.js';
import { requester } from '../authority/reviewFixtures.js';

const DAY = 24 * 3600_000;
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('organiser site inspections', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  const today = () => beijingDay(t.ctx.now());
  const base = (roundId: string) => `/api/organiser/rounds/${roundId}/inspections`;
  const upload = (cookie: string, url: string, filename: string, bytes: Buffer) =>
    t.app.inject({ method: 'POST', url: `${url}?filename=${encodeURIComponent(filename)}`, payload: bytes, headers: { cookie, 'content-type': 'application/octet-stream' } });

  async function scenario() {
    const { round, organiser } = await makeOrganiserRound(t);
    const reached = await makeReachedApplication(t, round, { name: '甲制造有限公司' });
    const pooled = await makeExpert(t, { name: '李专家' });
    return { round, organiser, reached, pooled };
  }

  it('schedules with a pool expert and a named official, lists it with the applicant, and audits', async () => {
    const { round, organiser, reached, pooled } = await scenario();
    const res = await req(organiser.cookie, 'POST', base(round.id), {
      applicationId: reached.application.id,
      scheduledOn: today(),
      place: '深圳市南山区科技园',
      inspectors: [{ userId: pooled.user.id, name: '随便写的名字' }, { name: '王处长' }, { name: '王处长' }],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    // The pool's name wins over what the client sent; the duplicate official is dropped.
    expect(created.inspectors).toEqual([{ userId: pooled.user.id, name: '李专家' }, { userId: null, name: '王处长' }]);
    expect(created).toMatchObject({ result: 'scheduled', applicantName: '甲制造有限公司', category: 'enterprise', place: '深圳市南山区科技园' });

    const list = await req(organiser.cookie, 'GET', base(round.id));
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0].regionName).toBeTruthy();
    expect(body.counts.scheduled).toBe(1);
    expect(body.candidates).toEqual([expect.objectContaining({ applicationId: reached.application.id, openInspectionId: created.id })]);
    expect(body.pool.map((p: { userId: string }) => p.userId)).toContain(pooled.user.id);
    expect((await req(organiser.cookie, 'GET', `${base(round.id)}?result=passed`)).json().items).toHaveLength(0);

    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'inspection.schedule'), eq(auditEvents.subjectId, created.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses a past date, an expert of another pool, and a second open inspection of the same application', async () => {
    const { round, organiser, reached } = await scenario();
    const yesterday = beijingDay(new Date(t.ctx.now().getTime() - DAY));
    const past = await req(organiser.cookie, 'POST', base(round.id), { applicationId: reached.application.id, scheduledOn: yesterday, place: '现场', inspectors: [{ name: '王处长' }] });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields.scheduledOn).toBe('考察日期不能早于今天');

    const foreign = await makeExpert(t, { poolRegion: '440300' });
    const wrongPool = await req(organiser.cookie, 'POST', base(round.id), { applicationId: reached.application.id, scheduledOn: today(), place: '现场', inspectors: [{ userId: foreign.user.id, name: 'x' }] });
    expect(wrongPool.statusCode).toBe(400);

    const noOne = await req(organiser.cookie, 'POST', base(round.id), { applicationId: reached.application.id, scheduledOn: today(), place: '现场', inspectors: [] });
    expect(noOne.statusCode).toBe(400);

    const first = await req(organiser.cookie, 'POST', base(round.id), { applicationId: reached.application.id, scheduledOn: today(), place: '现场', inspectors: [{ name: '王处长' }] });
    expect(first.statusCode).toBe(201);
    const second = await req(organiser.cookie, 'POST', base(round.id), { applicationId: reached.application.id, scheduledOn: today(), place: '现场', inspectors: [{ name: '赵科长' }] });
    expect(second.statusCode).toBe(409);
  });

  it('edits the schedule until a result is recorded; findings are required unless it passed', async () => {
    const { round, organiser, reached } = await scenario();
    const tomorrow = beijingDay(new Date(t.ctx.now().getTime() + DAY));
    const made = await req(organiser.cookie, 'POST', base(round.id), { applicationId: reached.application.id, scheduledOn: tomorrow, place: '厂区', inspectors: [{ name: '王处长' }] });
    const id = made.json().id;

    // Not before the day of the visit.
    expect((await req(organiser.cookie, 'PUT', `${base(round.id)}/${id}/result`, { result: 'passed', findings: '' })).statusCode).toBe(409);

    const edited = await req(organiser.cookie, 'PATCH', `${base(round.id)}/${id}`, { scheduledOn: today(), place: '总部大楼' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ scheduledOn: today(), place: '总部大楼' });

    const bare = await req(organiser.cookie, 'PUT', `${base(round.id)}/${id}/result`, { result: 'failed', findings: '' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields.findings).toContain('请填写考察发现');
    expect((await req(organiser.cookie, 'PUT', `${base(round.id)}/${id}/result`, { result: 'conditional' })).statusCode).toBe(400);

    const failed = await req(organiser.cookie, 'PUT', `${base(round.id)}/${id}/result`, { result: 'failed', findings: '生产线与申报材料描述不符，服务收入占比无法核实。' });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({ result: 'failed', findings: '生产线与申报材料描述不符，服务收入占比无法核实。' });

    // A result may be corrected; passing needs no findings.
    const passed = await req(organiser.cookie, 'PUT', `${base(round.id)}/${id}/result`, { result: 'passed' });
    expect(passed.statusCode).toBe(200);
    expect(passed.json().findings).toBeNull();

    expect((await req(organiser.cookie, 'PATCH', `${base(round.id)}/${id}`, { place: '别处' })).statusCode).toBe(409);
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['inspection.result', 'inspection.result', 'inspection.schedule', 'inspection.update']);

    // A new inspection may follow once a result is in.
    expect((await req(organiser.cookie, 'POST', base(round.id), { applicationId: reached.application.id, scheduledOn: today(), place: '复查', inspectors: [{ name: '王处长' }] })).statusCode).toBe(201);
  });

  it('stores attachments after checking their content, serves them as downloads and deletes them', async () => {
    const { round, organiser, reached } = await scenario();
    const insp = await makeInspection(t, { roundId: round.id, applicationId: reached.application.id, createdBy: organiser.user.id });
    const url = `${base(round.id)}/${insp.id}/files`;
    const pdf = await makePdf('inspection minutes');

    const ok = await upload(organiser.cookie, url, '考察纪要.pdf', pdf);
    expect(ok.statusCode).toBe(201);
    const file = ok.json();
    expect(file).toMatchObject({ name: '考察纪要.pdf', kind: 'pdf', size: pdf.length });
    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, file.id));
    expect(row).toMatchObject({ slot: 'inspection', applicationId: reached.application.id });

    const down = await t.app.inject({ method: 'GET', url: `${url}/${file.id}`, headers: { cookie: organiser.cookie } });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-disposition']).toMatch(/^attachment; /);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('考察纪要.pdf'));
    expect(down.rawPayload.equals(pdf)).toBe(true);

    // A renamed executable, a PNG claiming to be a photo and an .exe are refused.
    expect((await upload(organiser.cookie, url, '现场照片.pdf', makeExe())).statusCode).toBe(415);
    expect((await upload(organiser.cookie, url, '现场照片.jpg', makePng())).statusCode).toBe(415);
    expect((await upload(organiser.cookie, url, 'setup.exe', makeExe())).statusCode).toBe(415);
    expect((await upload(organiser.cookie, url, '空.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    const tooBig = await upload(organiser.cookie, url, '大.pdf', Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]));
    expect(tooBig.statusCode).toBe(413);

    const listed = (await req(organiser.cookie, 'GET', base(round.id))).json().items[0];
    expect(listed.files.map((f: { id: string }) => f.id)).toEqual([file.id]);

    expect((await req(organiser.cookie, 'DELETE', `${url}/${file.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `${url}/${file.id}`, headers: { cookie: organiser.cookie } })).statusCode).toBe(404);
    expect((await req(organiser.cookie, 'GET', base(round.id))).json().items[0].files).toEqual([]);
    const actions = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, insp.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['inspection.file.delete', 'inspection.file.upload']);
  });

  it('never shows inspection attachments to the applicant or in the authorities\' file lists', async () => {
    const { round, organiser, reached } = await scenario();
    const insp = await makeInspection(t, { roundId: round.id, applicationId: reached.application.id, createdBy: organiser.user.id });
    const file = (await upload(organiser.cookie, `${base(round.id)}/${insp.id}/files`, '考察照片.pdf', await makePdf('photo'))).json();
    const appId = reached.application.id;

    const ownList = await req(reached.cookie, 'GET', `/api/applications/${appId}/files`);
    expect(ownList.statusCode).toBe(200);
    expect(ownList.json().length).toBeGreaterThan(0);
    expect(ownList.json().some((f: { id: string }) => f.id === file.id)).toBe(false);
    const detail = await req(reached.cookie, 'GET', `/api/applications/${appId}`);
    expect(detail.statusCode).toBe(200);
    expect(JSON.stringify(detail.json())).not.toContain(file.id);
    expect((await req(reached.cookie, 'GET', `/api/applications/${appId}/files/${file.id}/download`)).statusCode).toBe(404);
    expect((await req(reached.cookie, 'DELETE', `/api/applications/${appId}/files/${file.id}`)).statusCode).toBe(404);

    // An authority that sees the application (its city) does not see the attachment either.
    const city = await makeAuthority(t.ctx, `${reached.application.regionCode.slice(0, 4)}00`);
    const authorityDetail = await req(city.cookie, 'GET', `/api/authority/applications/${appId}`);
    expect(authorityDetail.statusCode).toBe(200);
    expect(JSON.stringify(authorityDetail.json())).not.toContain(file.id);
    expect((await req(city.cookie, 'GET', `/api/authority/applications/${appId}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('answers 404 to other organisers and for applications that did not reach the organiser; refuses applicants and experts', async () => {
    const { round, organiser, reached, pooled } = await scenario();
    const insp = await makeInspection(t, { roundId: round.id, applicationId: reached.application.id, createdBy: organiser.user.id });
    const file = (await upload(organiser.cookie, `${base(round.id)}/${insp.id}/files`, '纪要.pdf', await makePdf('x'))).json();

    const other = await makeAuthority(t.ctx, '440300');
    const body = { applicationId: reached.application.id, scheduledOn: today(), place: '现场', inspectors: [{ name: '王处长' }] };
    expect((await req(other.cookie, 'GET', base(round.id))).statusCode).toBe(404);
    expect((await req(other.cookie, 'POST', base(round.id), body)).statusCode).toBe(404);
    expect((await req(other.cookie, 'PATCH', `${base(round.id)}/${insp.id}`, { place: '别处' })).statusCode).toBe(404);
    expect((await req(other.cookie, 'PUT', `${base(round.id)}/${insp.id}/result`, { result: 'passed' })).statusCode).toBe(404);
    expect((await req(other.cookie, 'GET', `${base(round.id)}/${insp.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await req(other.cookie, 'DELETE', `${base(round.id)}/${insp.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await upload(other.cookie, `${base(round.id)}/${insp.id}/files`, 'a.pdf', await makePdf('y'))).statusCode).toBe(404);

    // The organiser of another round cannot reach this round's inspection through its own round.
    const { round: otherRound, organiser: otherOrganiser } = await makeOrganiserRound(t, { organiserRegion: '440300', reviewLevels: ['district', 'city'] });
    expect((await req(otherOrganiser.cookie, 'PATCH', `${base(otherRound.id)}/${insp.id}`, { place: '别处' })).statusCode).toBe(404);

    // Submitted but not recommended up to the organiser: not the organiser's to inspect.
    const notReached = await makeSubmittedApplication(t.ctx, { roundId: round.id });
    expect((await req(organiser.cookie, 'POST', base(round.id), { ...body, applicationId: notReached.application.id })).statusCode).toBe(404);
    const stray = await makeInspection(t, { roundId: round.id, applicationId: notReached.application.id, createdBy: organiser.user.id });
    expect((await req(organiser.cookie, 'PATCH', `${base(round.id)}/${stray.id}`, { place: '别处' })).statusCode).toBe(404);
    expect((await req(organiser.cookie, 'GET', base(round.id))).json().items.map((i: { id: string }) => i.id)).toEqual([insp.id]);

    const applicant = await makeApplicant(t.ctx);
    for (const cookie of [applicant.cookie, reached.cookie, pooled.cookie]) {
      expect((await req(cookie, 'GET', base(round.id))).statusCode).toBe(403);
      expect((await req(cookie, 'GET', `${base(round.id)}/${insp.id}/files/${file.id}`)).statusCode).toBe(403);
      expect((await upload(cookie, `${base(round.id)}/${insp.id}/files`, 'a.pdf', await makePdf('z'))).statusCode).toBe(403);
    }
  });
});
