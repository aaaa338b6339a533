import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { reviewOrder } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { makeExpert, makeOrganiserRound, makeReachedApplication } from '../../test/factories/stage45.js';
import { auditEvents, files, reviewAssignments } from '../../db/schema/index.js';
import { expertRequester, insertAssignment } from './fixtures.js';

interface Task {
  id: string;
  position: number;
  organisationName: string;
  state: string;
  total: number | null;
}

describe('expert workspace: tasks, declaration, content', () => {
  let t: TestServer;
  let req: ReturnType<typeof expertRequester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = expertRequester(t);
  });
  afterAll(() => t.close());

  const firstFileId = async (applicationId: string) => (await t.ctx.db.select({ id: files.id }).from(files).where(eq(files.applicationId, applicationId)).limit(1))[0]!.id;

  const tasks = async (cookie: string, roundId: string) => {
    const res = await req(cookie, 'GET', `/api/expert/rounds/${roundId}/assignments`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { round: { id: string; progress: Record<string, number> }; items: Task[] };
  };

  it('gives each expert the round’s tasks in an own order that stays the same on every reload', async () => {
    const { round } = await makeOrganiserRound(t);
    const apps: Awaited<ReturnType<typeof makeReachedApplication>>[] = [];
    for (let i = 0; i < 8; i++) apps.push(await makeReachedApplication(t, round, i === 7 ? { category: 'platform', subType: 'shared' } : {}));
    const a = await makeExpert(t);
    const b = await makeExpert(t);
    const rowsA = new Map<string, string>();
    for (const made of apps) {
      rowsA.set((await insertAssignment(t, made.application, a.user.id)).id, made.application.id);
      await insertAssignment(t, made.application, b.user.id);
    }

    const first = await tasks(a.cookie, round.id);
    const again = await tasks(a.cookie, round.id);
    const ofB = await tasks(b.cookie, round.id);
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    const appOrderA = first.items.map((i) => rowsA.get(i.id));
    expect(appOrderA).toEqual(reviewOrder(apps.map((m) => m.application.id), round.id, a.user.id));
    expect(appOrderA).not.toEqual(reviewOrder(apps.map((m) => m.application.id), round.id, b.user.id));
    expect(ofB.items).toHaveLength(8);
    expect(first.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Before the declaration a task names the applicant and its category, nothing of the content.
    expect(Object.keys(first.items[0]!).sort()).toEqual(['category', 'categoryTitle', 'id', 'organisationName', 'position', 'state', 'subType', 'submittedAt', 'total']);
    expect(first.items.every((i) => i.state === 'toDeclare')).toBe(true);
    expect(first.items.find((i) => rowsA.get(i.id) === apps[7]!.application.id)).toMatchObject({ categoryTitle: '示范平台（共享制造类）' });
    expect(first.round.progress).toEqual({ total: 8, submitted: 0, toDeclare: 8, reviewing: 0, declined: 0 });

    const rounds = await req(a.cookie, 'GET', '/api/expert/rounds');
    expect(rounds.json()).toEqual([expect.objectContaining({ id: round.id, progress: first.round.progress })]);
  });

  it('opens the content only after the expert declared no conflict, without the contact’s mobile and e-mail', async () => {
    const { round } = await makeOrganiserRound(t);
    const made = await makeReachedApplication(t, round);
    const expert = await makeExpert(t);
    const task = await insertAssignment(t, made.application, expert.user.id);
    const fileId = await firstFileId(made.application.id);
    const urls = [`/api/expert/assignments/${task.id}/application`, `/api/expert/assignments/${task.id}/files/${fileId}`, `/api/expert/assignments/${task.id}/pdf`];

    for (const url of urls) {
      const closed = await req(expert.cookie, 'GET', url);
      expect(closed.statusCode, url).toBe(403);
      expect(closed.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'DECLARATION_REQUIRED' });
    }
    const draft = await req(expert.cookie, 'PUT', `/api/expert/assignments/${task.id}/score-sheet`, { scores: { profile: 3 } });
    expect(draft.statusCode).toBe(403);
    const before = await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}`);
    expect(before.json()).toMatchObject({ state: 'toDeclare', sheet: null, organisationName: made.org.name, rubric: { category: 'enterprise' } });

    const declared = await req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/no-conflict`);
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json()).toMatchObject({ state: 'reviewing', sheet: { scores: {}, total: 0, editable: true } });
    expect((await req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/no-conflict`)).statusCode).toBe(200);
    const audited = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'expert_review.declare_no_conflict'), eq(auditEvents.subjectId, task.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.regionCode).toBe(round.organiserRegion);

    const content = await req(expert.cookie, 'GET', urls[0]!);
    expect(content.statusCode, content.body).toBe(200);
    const view = content.json() as { application: { number: string; data: Record<string, unknown> }; organisation: { name: string; contact: object }; files: { id: string; name: string }[] };
    expect(view.application.number).toBe(made.number);
    expect(Object.keys(view.application.data).length).toBeGreaterThan(5);
    expect(view.organisation).toMatchObject({ name: made.org.name, contact: { name: '王五', position: '经理' } });
    expect(view.files.map((f) => f.name).sort()).toEqual(['审计报告.pdf', '文字说明材料.docx']);
    expect(content.body).not.toContain('13912345678');
    expect(content.body).not.toContain('wang@example.com');
    expect(content.body).not.toMatch(/mobile|email/i);

    const file = await req(expert.cookie, 'GET', urls[1]!);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(file.headers['cache-control']).toBe('private, no-store');
    const inline = await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}/files/${view.files.find((f) => f.name.endsWith('.pdf'))!.id}?inline=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);

    // The expert's book never decrypts the contact's mobile or e-mail.
    const reveal = t.ctx.personalData.reveal;
    let revealed = 0;
    t.ctx.personalData.reveal = (v: string) => {
      revealed += 1;
      return reveal.call(t.ctx.personalData, v);
    };
    try {
      const pdf = await req(expert.cookie, 'GET', urls[2]!);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(encodeURIComponent(`申报书-${made.number}.pdf`));
    } finally {
      t.ctx.personalData.reveal = reveal;
    }
    expect(revealed).toBe(0);
  });

  it('lets the expert step aside with a reason; the task is then closed and counted apart', async () => {
    const { round } = await makeOrganiserRound(t);
    const made = await makeReachedApplication(t, round);
    const other = await makeReachedApplication(t, round);
    const expert = await makeExpert(t);
    const task = await insertAssignment(t, made.application, expert.user.id);
    await insertAssignment(t, other.application, expert.user.id);

    const short = await req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/conflict`, { reason: '是' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields.reason).toMatch(/回避原因/);
    const declined = await req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/conflict`, { reason: '本人近三年曾为该单位提供咨询服务' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ state: 'declined', conflictReason: '本人近三年曾为该单位提供咨询服务', sheet: null });
    const [row] = await t.ctx.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, task.id));
    expect(row).toMatchObject({ status: 'declined', conflictReason: '本人近三年曾为该单位提供咨询服务' });
    const audited = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'expert_review.declare_conflict'), eq(auditEvents.subjectId, task.id)));
    expect(audited[0]!.detail).toMatchObject({ reason: '本人近三年曾为该单位提供咨询服务', applicationId: made.application.id });

    expect((await req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/no-conflict`)).statusCode).toBe(409);
    expect((await req(expert.cookie, 'POST', `/api/expert/assignments/${task.id}/conflict`, { reason: '再次申请回避' })).statusCode).toBe(409);
    const content = await req(expert.cookie, 'GET', `/api/expert/assignments/${task.id}/application`);
    expect(content.statusCode).toBe(403);
    expect(content.json().reason).toBe('DECLINED');
    const list = await tasks(expert.cookie, round.id);
    expect(list.items.find((i) => i.id === task.id)!.state).toBe('declined');
    expect(list.round.progress).toEqual({ total: 1, submitted: 0, toDeclare: 1, reviewing: 0, declined: 1 });
  });

  it('answers 404 for everything not assigned to this expert, and refuses other roles', async () => {
    const { round, organiser } = await makeOrganiserRound(t);
    const made = await makeReachedApplication(t, round);
    const withdrawnApp = await makeReachedApplication(t, round);
    const a = await makeExpert(t);
    const b = await makeExpert(t);
    const taskA = await insertAssignment(t, made.application, a.user.id, { noConflictDeclaredAt: t.ctx.now() });
    await insertAssignment(t, made.application, b.user.id);
    const withdrawn = await insertAssignment(t, withdrawnApp.application, a.user.id, { status: 'withdrawn', noConflictDeclaredAt: t.ctx.now() });
    const fileId = await firstFileId(made.application.id);
    const otherFileId = await firstFileId(withdrawnApp.application.id);
    const reads = (id: string, file = fileId) => [
      ['GET', `/api/expert/assignments/${id}`],
      ['GET', `/api/expert/assignments/${id}/application`],
      ['GET', `/api/expert/assignments/${id}/files/${file}`],
      ['GET', `/api/expert/assignments/${id}/pdf`],
      ['PUT', `/api/expert/assignments/${id}/score-sheet`, { scores: {} }],
      ['POST', `/api/expert/assignments/${id}/submit`, { scores: {} }],
      ['POST', `/api/expert/assignments/${id}/no-conflict`],
      ['POST', `/api/expert/assignments/${id}/conflict`, { reason: '测试回避原因' }],
    ] as const;

    // Expert B is assigned the same application, but A's task is not B's.
    for (const [method, url, body] of reads(taskA.id)) {
      const res = await req(b.cookie, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain(made.org.name!);
    }
    // A withdrawn task is gone for its expert, content and all.
    for (const [method, url, body] of reads(withdrawn.id)) {
      expect((await req(a.cookie, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await tasks(a.cookie, round.id)).items.map((i) => i.id)).toEqual([taskA.id]);
    // A file of another application through one's own task.
    expect((await req(a.cookie, 'GET', `/api/expert/assignments/${taskA.id}/files/${otherFileId}`)).statusCode).toBe(404);
    // A round without tasks for this expert, and a malformed id.
    const { round: otherRound } = await makeOrganiserRound(t);
    expect((await req(a.cookie, 'GET', `/api/expert/rounds/${otherRound.id}/assignments`)).statusCode).toBe(404);
    expect((await req(a.cookie, 'GET', '/api/expert/assignments/not-a-uuid')).statusCode).toBe(400);

    const applicant = await makeApplicant(t.ctx);
    const authority = await makeAuthority(t.ctx, made.application.regionCode);
    for (const cookie of [applicant.cookie, authority.cookie, organiser.cookie]) {
      expect((await req(cookie, 'GET', '/api/expert/rounds')).statusCode).toBe(403);
      for (const [method, url, body] of reads(taskA.id)) {
        const res = await req(cookie, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.body).not.toContain(made.org.name!);
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/expert/rounds' });
    expect(anonymous.statusCode).toBe(401);
  });
});
