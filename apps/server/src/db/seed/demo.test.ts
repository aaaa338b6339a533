import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { DEMO_TOTP_SECRETS } from './authorities.js';
import { currentTotp } from '../../services/totp.js';
import { DEMO_EXPERT_TOTP_SECRETS, REACHED_APPLICANTS } from './stage45.js';
import { FINISHED_APPLICANTS } from './finishedRound.js';

describe('demo data', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  it('creates a round, accounts in three states and a submitted application once', async () => {
    const first = await seedDemo(t.ctx);
    expect(first?.banner).toMatch(/13800000003/);
    expect(await seedDemo(t.ctx)).toBeNull();

    const rounds = (await t.app.inject({ method: 'GET', url: '/api/rounds' })).json() as { code: string }[];
    expect(rounds.map((r) => r.code).sort()).toEqual(['N3', 'SZ1']);

    const login = async (mobile: string) => {
      let res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: mobile, password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(200);
      // Demo authorities have their fixed second factor in force.
      const secret = DEMO_TOTP_SECRETS[mobile] ?? DEMO_EXPERT_TOTP_SECRETS[mobile];
      if (secret) res = await t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { ticket: res.json().ticket, code: currentTotp(secret, new Date()) } });
      return `fw_sid=${res.cookies.find((c) => c.name === 'fw_sid')!.value}`;
    };
    const fresh = await login('13800000001');
    expect((await t.app.inject({ method: 'GET', url: '/api/organisation', headers: { cookie: fresh } })).json().organisation).toBeNull();

    const drafting = await login('13800000002');
    const [draft] = (await t.app.inject({ method: 'GET', url: '/api/applications', headers: { cookie: drafting } })).json();
    expect(draft.status).toBe('draft');

    const done = await login('13800000003');
    const mine = (await t.app.inject({ method: 'GET', url: '/api/applications', headers: { cookie: done } })).json() as { status: string; currentNumber: string; id: string }[];
    const submitted = mine.find((a) => a.currentNumber.startsWith('N3-'))!;
    expect(submitted.status).toBe('submitted');
    expect(first!.banner).toContain(submitted.currentNumber);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/applications/${submitted.id}/pdf`, headers: { cookie: done } });
    expect(pdf.statusCode).toBe(200);

    // The district account reviews the municipal round: its two Nanshan applications.
    const district = await login('ns_gxj');
    const authorityRounds = (await t.app.inject({ method: 'GET', url: '/api/authority/rounds', headers: { cookie: district } })).json() as { id: string; code: string }[];
    const sz1 = authorityRounds.find((r) => r.code === 'SZ1')!;
    const list = (await t.app.inject({ method: 'GET', url: `/api/authority/rounds/${sz1.id}/applications`, headers: { cookie: district } })).json();
    expect(list.total).toBe(2);

    // The ministry can run expert review at once: the applications recommended to it, its pool, a conflict.
    const ministry = await login('miit');
    const n3 = ((await t.app.inject({ method: 'GET', url: '/api/organiser/rounds', headers: { cookie: ministry } })).json().rounds as { id: string; code: string }[]).find((r) => r.code === 'N3')!;
    const preview = (await t.app.inject({ method: 'POST', url: `/api/organiser/rounds/${n3.id}/assignments/preview`, headers: { cookie: ministry } })).json();
    expect(preview.counts.applications).toBe(REACHED_APPLICANTS.length);
    expect(preview.counts.experts).toBe(6);
    expect(preview.counts.unassignable).toBe(0);
    expect(preview.conflicts.some((c: { conflicts: { reason: string }[] }) => c.conflicts.length > 0)).toBe(true);

    // Experts log in with their demo second factor, and their codes are on the development page.
    await login('expert01');
    const codes = (await t.app.inject({ method: 'GET', url: '/api/dev/totp' })).json() as { username: string }[];
    expect(codes.map((c) => c.username)).toContain('expert06');

    // N2's notice window is over and its objection answered: the ministry publishes, the units are public.
    const n2 = ((await t.app.inject({ method: 'GET', url: '/api/organiser/rounds', headers: { cookie: ministry } })).json().rounds as { id: string; code: string }[]).find((r) => r.code === 'N2')!;
    const published = await t.app.inject({ method: 'POST', url: `/api/organiser/rounds/${n2.id}/notice/publish`, headers: { cookie: ministry } });
    expect(published.statusCode).toBe(200);
    const units = (await t.app.inject({ method: 'GET', url: '/api/public/units?pageSize=50' })).json() as { total: number; items: { name: string; batch: string }[] };
    const n2Units = units.items.filter((u) => u.batch === '第二批');
    expect(n2Units).toHaveLength(FINISHED_APPLICANTS.length - 1);
    expect(n2Units.map((u) => u.name)).toContain(FINISHED_APPLICANTS[0].name);
    expect(n2Units.map((u) => u.name)).not.toContain(FINISHED_APPLICANTS[5].name);
  });
});
