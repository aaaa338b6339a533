import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AssignmentListResponse, AssignmentPreview } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority, makeSubmittedApplication } from '../../test/factories.js';
import { makeExpert, makeOrganiserRound, makeReachedApplication } from '../../test/factories/stage45.js';
import { auditEvents, experts, reviewAssignments } from '../../db/schema/index.js';
import { requester } from '../authority/reviewFixtures.js';

describe('assigning the applications that reached the organiser to experts', () => {
  let t: TestServer;
  let send: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    send = requester(t);
  });
  afterAll(() => t.close());

  /** A provincial round (its own pool, so tests do not share experts), reviewed city → province. */
  const provincialRound = (province: string, review: object) => makeOrganiserRound(t, { organiserRegion: province, reviewLevels: ['city', 'province'], review });
  const preview = async (cookie: string, roundId: string) => {
    const res = await send(cookie, 'POST', `/api/organiser/rounds/${roundId}/assignments/preview`);
    expect(res.statusCode).toBe(200);
    return res.json() as AssignmentPreview;
  };
  const commit = (cookie: string, roundId: string, planDigest: string) => send(cookie, 'POST', `/api/organiser/rounds/${roundId}/assignments/commit`, { planDigest });
  const list = async (cookie: string, roundId: string) => (await send(cookie, 'GET', `/api/organiser/rounds/${roundId}/assignments`)).json() as AssignmentListResponse;
  const pairsOf = (p: AssignmentPreview | AssignmentListResponse) =>
    'assignments' in p ? p.assignments.filter((a) => a.state !== 'withdrawn' && a.state !== 'declined').map((a) => `${a.applicationId}:${a.expertId}`).sort() : [];

  it('never assigns an expert working for the applicant or sharing its legal representative, and shows the reason of every flag', async () => {
    const { round, organiser } = await provincialRound('440000', { perApplication: 2, maxPerExpert: 10 });
    const apps: Awaited<ReturnType<typeof makeReachedApplication>>[] = [];
    for (let i = 0; i < 4; i++) apps.push(await makeReachedApplication(t, round, { regionCode: '440305', legalRepresentative: `法人${i}` }));
    // Submitted in the province but not recommended by its city: it never reached the organiser.
    const notReached = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440106' });
    const insider = await makeExpert(t, { poolRegion: '440000', name: '内部专家', employerName: apps[0]!.org.name!, employerUscc: apps[0]!.org.uscc });
    const sameRep = await makeExpert(t, { poolRegion: '440000', name: '同法人专家', employerName: '某关联公司', employerLegalRepresentative: '法人1' });
    const declared = await makeExpert(t, { poolRegion: '440000', declaredConflicts: [{ uscc: apps[2]!.org.uscc, note: '曾任顾问' }] });
    for (let i = 0; i < 3; i++) await makeExpert(t, { poolRegion: '440000' });

    const p = await preview(organiser.cookie, round.id);
    expect(p.counts).toMatchObject({ applications: 4, experts: 6, toAdd: 8, unassignable: 0, conflicts: 3 });
    expect(p.applications.map((a) => a.id)).not.toContain(notReached.application.id);
    const flag = (expertId: string) => p.conflicts.find((c) => c.expertId === expertId)!;
    expect(flag(insider.user.id)).toMatchObject({ applicationId: apps[0]!.application.id, assigned: false });
    expect(flag(insider.user.id).conflicts[0]!.kind).toBe('same_organisation');
    expect(flag(insider.user.id).conflicts[0]!.reason).toContain(apps[0]!.org.uscc!);
    expect(flag(sameRep.user.id).conflicts[0]).toMatchObject({ kind: 'shared_legal_representative' });
    expect(flag(sameRep.user.id).conflicts[0]!.reason).toContain('法人1');
    expect(flag(declared.user.id).conflicts[0]!.reason).toContain('曾任顾问');

    expect((await commit(organiser.cookie, round.id, p.planDigest)).json()).toEqual({ added: 8, withdrawn: 0, kept: 0 });
    const rows = await t.ctx.db.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id));
    expect(rows).toHaveLength(8);
    expect(rows.some((r) => r.applicationId === apps[0]!.application.id && r.expertId === insider.user.id)).toBe(false);
    expect(rows.some((r) => r.applicationId === apps[1]!.application.id && r.expertId === sameRep.user.id)).toBe(false);
    expect(rows.some((r) => r.applicationId === apps[2]!.application.id && r.expertId === declared.user.id)).toBe(false);
    expect(rows.every((r) => r.source === 'auto' && r.status === 'assigned')).toBe(true);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.assignments.commit'), eq(auditEvents.subjectId, round.id)));
    expect(audit!.detail).toMatchObject({ added: 8, seed: round.id });
  });

  it('excludes same-region experts when the round says so, with the region named in the reason', async () => {
    const { round, organiser } = await provincialRound('320000', { perApplication: 1, maxPerExpert: 10, sameRegionExcluded: 'city' });
    const app = await makeReachedApplication(t, round, { regionCode: '320506' });
    const local = await makeExpert(t, { poolRegion: '320000', regionCode: '320505' });
    const away = await makeExpert(t, { poolRegion: '320000', regionCode: '320102' });
    const p = await preview(organiser.cookie, round.id);
    expect(p.settings).toMatchObject({ sameRegionExcluded: 'city', sameRegionLabel: '同地市回避' });
    expect(p.conflicts).toHaveLength(0);
    expect(p.conflictCounts.same_region).toBe(1);
    expect(p.regionConflicts).toHaveLength(1);
    expect(p.regionConflicts[0]).toMatchObject({ applicationIds: [app.application.id], expertIds: [local.user.id], assigned: [] });
    expect(p.regionConflicts[0]!.reason).toContain('苏州市');
    await commit(organiser.cookie, round.id, p.planDigest);
    expect(pairsOf(await list(organiser.cookie, round.id))).toEqual([`${app.application.id}:${away.user.id}`]);
  });

  it('balances loads, gives the same result twice, refuses a stale preview and fills only the gaps on a re-run', async () => {
    const { round, organiser } = await provincialRound('330000', { perApplication: 2, maxPerExpert: 10 });
    const apps: Awaited<ReturnType<typeof makeReachedApplication>>[] = [];
    for (let i = 0; i < 10; i++) apps.push(await makeReachedApplication(t, round, { regionCode: i % 2 ? '330106' : '330212', category: i % 3 ? 'enterprise' : 'platform', subType: i % 3 ? null : 'other' }));
    const pool = [];
    for (let i = 0; i < 5; i++) pool.push(await makeExpert(t, { poolRegion: '330000' }));

    const first = await preview(organiser.cookie, round.id);
    const second = await preview(organiser.cookie, round.id);
    expect(second).toEqual(first);
    expect(first.loadMin).toBe(4);
    expect(first.loadMax).toBe(4);

    // A new expert after the preview changes the plan: the commit refuses and asks for a new preview.
    const late = await makeExpert(t, { poolRegion: '330000' });
    const stale = await commit(organiser.cookie, round.id, first.planDigest);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('重新预览');
    await t.ctx.db.update(experts).set({ active: false }).where(eq(experts.userId, late.user.id));
    expect((await commit(organiser.cookie, round.id, first.planDigest)).statusCode).toBe(200);
    const committed = await list(organiser.cookie, round.id);
    expect(committed.applications.every((a) => a.active === 2)).toBe(true);

    // One expert starts a review, then leaves the pool's active list: the started one stays, the rest are refilled.
    const leaving = pool[0]!.user.id;
    const held = await t.ctx.db.select().from(reviewAssignments).where(and(eq(reviewAssignments.roundId, round.id), eq(reviewAssignments.expertId, leaving)));
    expect(held).toHaveLength(4);
    await t.ctx.db.update(reviewAssignments).set({ noConflictDeclaredAt: t.ctx.now() }).where(eq(reviewAssignments.id, held[0]!.id));
    await send(organiser.cookie, 'PATCH', `/api/organiser/experts/${leaving}`, { active: false });
    const rerun = await preview(organiser.cookie, round.id);
    expect(rerun.counts).toMatchObject({ kept: 17, toWithdraw: 3, toAdd: 3, unassignable: 0 });
    expect(rerun.withdrawals.every((w) => w.expertId === leaving && w.reason === '专家已停用')).toBe(true);
    await commit(organiser.cookie, round.id, rerun.planDigest);
    const after = await list(organiser.cookie, round.id);
    expect(after.applications.every((a) => a.active === 2)).toBe(true);
    expect(after.assignments.find((a) => a.id === held[0]!.id)!.state).toBe('started');
    const active = after.experts.filter((e) => e.active).map((e) => e.load);
    expect(Math.max(...active) - Math.min(...active)).toBeLessThanOrEqual(1);
    expect((await preview(organiser.cookie, round.id)).counts.toAdd).toBe(0);
  });

  it('lets the organiser assign over a conflict with a reason and exclude a pair, both in the audit log; a scored one is not withdrawn', async () => {
    const { round, organiser } = await provincialRound('350000', { perApplication: 1, maxPerExpert: 5 });
    const app = await makeReachedApplication(t, round, { regionCode: '350203' });
    const insider = await makeExpert(t, { poolRegion: '350000', employerName: app.org.name!, employerUscc: app.org.uscc });
    const other = await makeExpert(t, { poolRegion: '350000' });
    const overrides = `/api/organiser/rounds/${round.id}/assignments/overrides`;

    const candidates = (await send(organiser.cookie, 'GET', `/api/organiser/rounds/${round.id}/assignments/candidates?applicationId=${app.application.id}`)).json().candidates;
    expect(candidates.map((c: { id: string }) => c.id)).toEqual([other.user.id, insider.user.id]);
    expect(candidates[1].conflicts[0].kind).toBe('same_organisation');

    expect((await send(organiser.cookie, 'POST', overrides, { action: 'assign', applicationId: app.application.id, expertId: insider.user.id, reason: '' })).statusCode).toBe(400);
    const forced = await send(organiser.cookie, 'POST', overrides, { action: 'assign', applicationId: app.application.id, expertId: insider.user.id, reason: '该领域仅此一位专家，经领导批准' });
    expect(forced.statusCode).toBe(200);
    expect(forced.json().conflictsOverridden[0].kind).toBe('same_organisation');
    expect(forced.json().note).toContain('忽略利益冲突');
    const [logged] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.assignment.assign'), eq(auditEvents.subjectId, app.application.id)));
    expect(logged!.actorId).toBe(organiser.user.id);
    expect(logged!.detail).toMatchObject({ expertId: insider.user.id, reason: '该领域仅此一位专家，经领导批准', conflictsOverridden: [{ kind: 'same_organisation' }] });
    expect((await send(organiser.cookie, 'POST', overrides, { action: 'assign', applicationId: app.application.id, expertId: insider.user.id, reason: '再次指定' })).statusCode).toBe(409);

    // The manual pair counts: the run has nothing to add, and the list shows the flag on it.
    const p = await preview(organiser.cookie, round.id);
    expect(p.counts).toMatchObject({ kept: 1, toAdd: 0 });
    expect(p.conflicts[0]!.assigned).toBe(true);
    const listed = await list(organiser.cookie, round.id);
    expect(listed.assignments[0]).toMatchObject({ source: 'manual', state: 'assigned', conflicts: [{ kind: 'same_organisation' }] });

    // Exclude: withdrawn and logged; later runs assign someone else, never this pair again.
    const excluded = await send(organiser.cookie, 'POST', overrides, { action: 'exclude', applicationId: app.application.id, expertId: insider.user.id, reason: '改派其他专家' });
    expect(excluded.statusCode).toBe(200);
    const [exclusion] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.assignment.exclude'), eq(auditEvents.subjectId, app.application.id)));
    expect(exclusion!.detail).toMatchObject({ reason: '改派其他专家', wasAssigned: true });
    const refill = await preview(organiser.cookie, round.id);
    await commit(organiser.cookie, round.id, refill.planDigest);
    expect(pairsOf(await list(organiser.cookie, round.id))).toEqual([`${app.application.id}:${other.user.id}`]);

    await t.ctx.db.update(reviewAssignments).set({ submittedAt: t.ctx.now(), total: 80 }).where(and(eq(reviewAssignments.applicationId, app.application.id), eq(reviewAssignments.expertId, other.user.id)));
    const scored = await send(organiser.cookie, 'POST', overrides, { action: 'exclude', applicationId: app.application.id, expertId: other.user.id, reason: '试图撤回' });
    expect(scored.statusCode).toBe(409);
    expect(scored.json().message).toContain('已提交评分');
  });

  it('answers 404 to another organiser and refuses experts and applicants', async () => {
    const { round, organiser } = await provincialRound('360000', { perApplication: 1 });
    const app = await makeReachedApplication(t, round, { regionCode: '360102' });
    const expert = await makeExpert(t, { poolRegion: '360000' });
    const p = await preview(organiser.cookie, round.id);
    const otherProvince = await makeAuthority(t.ctx, '440000');
    const ministry = await makeAuthority(t.ctx, '000000');
    const city = await makeAuthority(t.ctx, '360100');
    const base = `/api/organiser/rounds/${round.id}/assignments`;
    const calls: [string, string, object?][] = [
      ['GET', base],
      ['POST', `${base}/preview`],
      ['POST', `${base}/commit`, { planDigest: p.planDigest }],
      ['GET', `${base}/candidates?applicationId=${app.application.id}`],
      ['POST', `${base}/overrides`, { action: 'assign', applicationId: app.application.id, expertId: expert.user.id, reason: '越权尝试' }],
    ];
    for (const outsider of [otherProvince, ministry, city]) {
      for (const [method, url, body] of calls) expect((await send(outsider.cookie, method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const applicant = await makeApplicant(t.ctx);
    for (const who of [applicant.cookie, expert.cookie]) {
      for (const [method, url, body] of calls) expect((await send(who, method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    // An expert of another pool cannot be assigned here.
    const foreign = await makeExpert(t, { poolRegion: '440000' });
    const res = await send(organiser.cookie, 'POST', `${base}/overrides`, { action: 'assign', applicationId: app.application.id, expertId: foreign.user.id, reason: '外库专家' });
    expect(res.statusCode).toBe(404);
    expect(await t.ctx.db.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id))).toHaveLength(0);
  });
});
