import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_RUBRICS, withWeights } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeExpert, makeOrganiserRound, makeReachedApplication } from '../../test/factories/stage45.js';
import { auditEvents, reviewAssignments } from '../../db/schema/index.js';
import { expertRequester, insertAssignment } from './fixtures.js';

const FULL = { profile: 4.5, status: 20, capability: 25.5, results: 20, plan: 8, other: 3 };

describe('expert workspace: score sheets', () => {
  let t: TestServer;
  let req: ReturnType<typeof expertRequester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = expertRequester(t);
  });
  afterAll(() => t.close());

  /** A declared task of a new expert on a new reached enterprise application. */
  const declaredTask = async (round: Awaited<ReturnType<typeof makeOrganiserRound>>['round'], application?: { id: string; roundId: string }) => {
    const app = application ?? (await makeReachedApplication(t, round)).application;
    const expert = await makeExpert(t);
    const task = await insertAssignment(t, app, expert.user.id, { noConflictDeclaredAt: t.ctx.now() });
    return { expert, task, application: app };
  };

  it('saves drafts idempotently, criteria may stay empty, and each given score is checked', async () => {
    const { round } = await makeOrganiserRound(t);
    const { expert, task } = await declaredTask(round);
    const url = `/api/expert/assignments/${task.id}/score-sheet`;

    const body = { scores: { profile: 4, status: 18.5 }, comment: '  战略清晰，案例较充分  ' };
    const first = await req(expert.cookie, 'PUT', url, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ scores: { profile: 4, status: 18.5 }, comment: '战略清晰，案例较充分', total: 22.5, submittedAt: null, editable: true });
    const again = await req(expert.cookie, 'PUT', url, body);
    expect({ ...again.json(), updatedAt: null }).toEqual({ ...first.json(), updatedAt: null });
    const view = await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}`);
    expect(view.json().sheet).toMatchObject({ scores: { profile: 4, status: 18.5 }, total: 22.5 });
    // Drafts are not final: no total in the row the ranking reads, no audit row.
    const [row] = await t.ctx.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, task.id));
    expect(row!.total).toBeNull();
    expect(row!.submittedAt).toBeNull();

    const cases: [Record<string, number>, string, string][] = [
      [{ status: 25.5 }, 'scores.status', '「服务型制造发展现状」的得分不能超过25分'],
      [{ profile: -1 }, 'scores.profile', '「企业简介」的得分不能小于0'],
      [{ plan: 3.25 }, 'scores.plan', '「进一步发展思路和规划」的得分最多保留一位小数'],
      [{ bogus: 1 }, 'scores.bogus', '评分标准中没有该评分项'],
    ];
    for (const [scores, field, message] of cases) {
      const res = await req(expert.cookie, 'PUT', url, { scores });
      expect(res.statusCode, JSON.stringify(scores)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', fields: { [field]: message } });
    }
    const notNumber = await req(expert.cookie, 'PUT', url, { scores: { profile: '5' } });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().fields['scores.profile']).toBe('得分应为数字');
    // Refused drafts changed nothing.
    expect((await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}`)).json().sheet.scores).toEqual({ profile: 4, status: 18.5 });
  });

  it('submits only a complete sheet, computes the total, audits it and locks the sheet', async () => {
    const { round } = await makeOrganiserRound(t);
    const { expert, task } = await declaredTask(round);
    const submit = (body: object) => req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/submit`, body);

    const missing = await submit({ scores: { profile: 4, status: 20 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toMatchObject({ 'scores.capability': '请为「服务型制造发展能力建设」打分', 'scores.other': '请为「其他」打分' });
    expect(missing.json().fields['scores.profile']).toBeUndefined();
    const over = await submit({ scores: { ...FULL, results: 26 } });
    expect(over.json().fields).toEqual({ 'scores.results': '「服务型制造发展成效」的得分不能超过25分' });

    const done = await submit({ scores: FULL, comment: '综合能力强' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ scores: FULL, total: 81, comment: '综合能力强', editable: false });
    expect(done.json().submittedAt).toBeTruthy();
    const [row] = await t.ctx.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, task.id));
    expect(row).toMatchObject({ total: 81, scores: FULL });
    const audited = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'expert_review.submit_scores'), eq(auditEvents.subjectId, task.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toMatchObject({ total: 81 });

    expect((await submit({ scores: FULL })).statusCode).toBe(409);
    const draft = await req(expert.cookie, 'PUT', `/api/expert/assignments/${task.id}/score-sheet`, { scores: { profile: 1 } });
    expect(draft.statusCode).toBe(409);
    expect((await req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/conflict`, { reason: '提交后发现利益冲突' })).statusCode).toBe(409);
    const view = await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}`);
    expect(view.json()).toMatchObject({ state: 'submitted', sheet: { scores: FULL, total: 81, editable: false }, submittedReviews: 1 });
    const list = await req(expert.cookie, 'GET', `/api/expert/rounds/${round.id}/assignments`);
    expect(list.json().items[0]).toMatchObject({ state: 'submitted', total: 81 });
    expect(list.json().round.progress).toMatchObject({ total: 1, submitted: 1 });
  });

  it('refuses odd sheets with 400 and field messages, never 500', async () => {
    const { round } = await makeOrganiserRound(t);
    const { expert, task } = await declaredTask(round);
    const raw = (payload: string) =>
      t.app.inject({ method: 'PUT', url: `/api/expert/assignments/${task.id}/score-sheet`, payload, headers: { cookie: expert.cookie, 'content-type': 'application/json' } });
    for (const payload of [
      '{"scores":{"__proto__":1}}',
      '{"scores":{"constructor":1,"toString":2}}',
      '{"scores":[]}',
      '{"scores":{"profile":1e309}}',
      '{"scores":{"profile":null}}',
      `{"scores":{},"comment":"${'长'.repeat(4001)}"}`,
      `{"scores":{"${'k'.repeat(41)}":1}}`,
      '[]',
    ]) {
      const res = await raw(payload);
      expect(res.statusCode, payload.slice(0, 60)).toBe(400);
      // The JSON parser itself refuses __proto__ (BAD_REQUEST); the rest reach the sheet's checks.
      expect(['VALIDATION', 'BAD_REQUEST']).toContain(res.json().code);
    }
    const inherited = await raw('{"scores":{"constructor":1,"toString":2}}');
    expect(inherited.json().fields).toEqual({ 'scores.constructor': '评分标准中没有该评分项', 'scores.toString': '评分标准中没有该评分项' });
    expect((await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}`)).json().sheet.scores).toEqual({});
  });

  it('scores by the round’s own weights', async () => {
    const rubric = withWeights(DEFAULT_RUBRICS.enterprise, { status: 30, capability: 25 });
    const { round } = await makeOrganiserRound(t, { review: { rubrics: { enterprise: rubric } } });
    const { expert, task } = await declaredTask(round);
    const view = await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}`);
    expect(view.json().rubric.criteria.find((c: { key: string }) => c.key === 'status').maxPoints).toBe(30);
    expect((await req(expert.cookie, 'PUT', `/api/expert/assignments/${task.id}/score-sheet`, { scores: { status: 28 } })).statusCode).toBe(200);
    const over = await req(expert.cookie, 'PUT', `/api/expert/assignments/${task.id}/score-sheet`, { scores: { capability: 26 } });
    expect(over.json().fields['scores.capability']).toBe('「服务型制造发展能力建设」的得分不能超过25分');
  });

  it('never shows an expert another expert’s scores or comment, before or after submitting', async () => {
    const { round } = await makeOrganiserRound(t);
    const made = await makeReachedApplication(t, round);
    const a = await declaredTask(round, made.application);
    const b = await declaredTask(round, made.application);
    const secret = { profile: 1.7, status: 3.3, capability: 7.7, results: 9.9, plan: 1.1, other: 0.3 };
    const bDone = await req(b.expert.cookie, 'POST', `/api/expert/assignments/${b.task.id}/submit`, { scores: secret, comment: '专家乙的保密意见' });
    expect(bDone.json().total).toBe(24);

    const answersOfA = async () => [
      await req(a.expert.cookie, 'GET', '/api/expert/rounds'),
      await req(a.expert.cookie, 'GET', `/api/expert/rounds/${round.id}/assignments`),
      await req(a.expert.cookie, 'GET', `/api/expert/assignments/${a.task.id}`),
      await req(a.expert.cookie, 'GET', `/api/expert/assignments/${a.task.id}/application`),
      await req(a.expert.cookie, 'PUT', `/api/expert/assignments/${a.task.id}/score-sheet`, { scores: { profile: 2 } }),
    ];
    const leaks = (body: string) => body.includes('专家乙的保密意见') || /[:[,](1\.7|3\.3|7\.7|9\.9|24)[,}\]]/.test(body) || body.includes(b.expert.user.id) || body.includes(b.task.id);
    expect(leaks(bDone.body)).toBe(true); // the detector finds B's sheet where it is
    for (const res of await answersOfA()) {
      expect(res.statusCode, res.body).toBe(200);
      expect(leaks(res.body), res.body).toBe(false);
    }
    expect((await req(a.expert.cookie, 'GET', `/api/expert/assignments/${a.task.id}`)).json().submittedReviews).toBeNull();

    const aDone = await req(a.expert.cookie, 'POST', `/api/expert/assignments/${a.task.id}/submit`, { scores: FULL });
    expect(aDone.statusCode).toBe(200);
    const after = await req(a.expert.cookie, 'GET', `/api/expert/assignments/${a.task.id}`);
    // After submitting: how many have submitted, still not what they gave.
    expect(after.json().submittedReviews).toBe(2);
    expect(leaks(after.body)).toBe(false);
    const list = await req(a.expert.cookie, 'GET', `/api/expert/rounds/${round.id}/assignments`);
    expect(leaks(list.body)).toBe(false);
  });
});
