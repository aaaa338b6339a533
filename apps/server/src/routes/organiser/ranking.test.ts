import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { makeExpert, makeOrganiserRound, makeReachedApplication, makeScoreSheet } from '../../test/factories/stage45.js';
import { requester } from '../authority/reviewFixtures.js';

describe('organiser ranking', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  /**
   * 3 experts × 3 applications, hand-computed:
   *        A   B   C   | expert μ, σ (population)
   *   E1  90  80  70   | 80, √(200/3)
   *   E2  85  75  80   | 80, √(50/3)
   *   E3  60  70  65   | 65, √(50/3)
   * means 235/3, 75, 215/3; sample sd √(775/3), 5, √(175/3). Every expert has 3 reviews, so all are
   * standardised: M = 675/9 = 75, S = (√(200/3) + 2√(50/3))/3; z = ±√(3/2) or 0; A's z sum = √(3/2),
   * B's 0, C's −√(3/2), so normalised = 75 ± S·√(3/2)/3 = 75 ± 20/9.
   */
  async function scenario() {
    const { round, organiser } = await makeOrganiserRound(t);
    const a = await makeReachedApplication(t, round, { name: '甲公司' });
    const b = await makeReachedApplication(t, round, { name: '乙公司' });
    const c = await makeReachedApplication(t, round, { name: '丙公司' });
    const [e1, e2, e3, e4, e5] = await Promise.all([1, 2, 3, 4, 5].map((i) => makeExpert(t, { name: `专家${i}号` })));
    const grid: [typeof e1, number, number, number][] = [
      [e1!, 90, 80, 70],
      [e2!, 85, 75, 80],
      [e3!, 60, 70, 65],
    ];
    for (const [e, sa, sb, sc] of grid) {
      await makeScoreSheet(t, { roundId: round.id, applicationId: a.application.id, expertId: e.user.id, total: sa });
      await makeScoreSheet(t, { roundId: round.id, applicationId: b.application.id, expertId: e.user.id, total: sb });
      await makeScoreSheet(t, { roundId: round.id, applicationId: c.application.id, expertId: e.user.id, total: sc });
    }
    // A declined expert's sheet never counts; an unsubmitted one only shows in the progress.
    await makeScoreSheet(t, { roundId: round.id, applicationId: a.application.id, expertId: e4!.user.id, total: 5, status: 'declined' });
    await makeScoreSheet(t, { roundId: round.id, applicationId: b.application.id, expertId: e5!.user.id, total: 0, submitted: false });
    return { round, organiser, a, b, c };
  }

  it('returns mean, trimmed mean, normalised score and spread matching the hand computation', async () => {
    const { round, organiser, a, b, c } = await scenario();
    const res = await req(organiser.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rankBy).toBe('trimmedMean');
    expect(body.scale.mean).toBeCloseTo(75, 9);
    expect(body.scale.sd).toBeCloseTo((Math.sqrt(200 / 3) + 2 * Math.sqrt(50 / 3)) / 3, 9);
    expect(body.groups).toHaveLength(1);
    const rows = body.groups[0].rows;
    expect(rows.map((r: { applicationId: string }) => r.applicationId)).toEqual([a.application.id, b.application.id, c.application.id]);
    const [ra, rb, rc] = rows;
    expect([ra.rank, rb.rank, rc.rank]).toEqual([1, 2, 3]);
    expect(ra).toMatchObject({ name: '甲公司', count: 3, assigned: 3, submitted: 3, trimmed: false, highSpread: true, outliers: [] });
    expect(ra.mean).toBeCloseTo(235 / 3, 9);
    expect(ra.trimmedMean).toBeCloseTo(235 / 3, 9);
    expect(ra.sd).toBeCloseTo(Math.sqrt(775 / 3), 9);
    expect(ra.normalised).toBeCloseTo(75 + 20 / 9, 9);
    expect(rb).toMatchObject({ count: 3, assigned: 4, submitted: 3, highSpread: false });
    expect(rb.mean).toBeCloseTo(75, 9);
    expect(rb.sd).toBeCloseTo(5, 9);
    expect(rb.normalised).toBeCloseTo(75, 9);
    expect(rc.mean).toBeCloseTo(215 / 3, 9);
    expect(rc.sd).toBeCloseTo(Math.sqrt(175 / 3), 9);
    expect(rc.normalised).toBeCloseTo(75 - 20 / 9, 9);
    expect(ra.regionName).toMatch(/^\S+省 \S+市 \S+区$/);
    const e1 = body.experts.find((e: { name: string }) => e.name === '专家1号');
    expect(e1).toMatchObject({ count: 3, standardised: true });
    expect(e1.mean).toBeCloseTo(80, 9);
    expect(e1.sd).toBeCloseTo(Math.sqrt(200 / 3), 9);
    expect(body.experts.some((e: { name: string }) => e.name === '专家4号')).toBe(false);
  });

  it('flags an outlier with its reason and the expert name (4 reviews)', async () => {
    const { round, organiser } = await makeOrganiserRound(t);
    const app = await makeReachedApplication(t, round);
    const scores = [80, 82, 81, 40];
    for (const [i, total] of scores.entries()) {
      const e = await makeExpert(t, { name: `离群专家${i}` });
      await makeScoreSheet(t, { roundId: round.id, applicationId: app.application.id, expertId: e.user.id, total });
    }
    const row = (await req(organiser.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking`)).json().groups[0].rows[0];
    expect(row.outliers).toHaveLength(1);
    expect(row.outliers[0]).toMatchObject({ expertName: '离群专家3', total: 40 });
    expect(row.outliers[0].reason).toContain('其他3位专家平均81分');
  });

  it('lists an application without sheets unranked at the end', async () => {
    const { round, organiser, a } = await scenario();
    const d = await makeReachedApplication(t, round, { name: '丁公司' });
    const rows = (await req(organiser.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking`)).json().groups[0].rows;
    expect(rows[0].applicationId).toBe(a.application.id);
    expect(rows.at(-1)).toMatchObject({ applicationId: d.application.id, rank: null, count: 0, mean: null });
  });

  it('exports the ranking as XLSX with the three scores side by side', async () => {
    const { round, organiser } = await scenario();
    const res = await req(organiser.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toContain('标准化分');
    const first = ws.getRow(4);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(3).value).toBe('甲公司');
    expect(first.getCell(6).value).toBe(78.33);
    expect(first.getCell(8).value).toBe(77.22);
    expect(String(first.getCell(11).value)).toContain('分歧较大');
  });

  it('answers 404 to another organiser and refuses experts and applicants', async () => {
    const { round } = await scenario();
    const province = await makeAuthority(t.ctx, '440000');
    const expert = await makeExpert(t);
    const applicant = await makeApplicant(t.ctx);
    expect((await req(province.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking`)).statusCode).toBe(404);
    expect((await req(province.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking.xlsx`)).statusCode).toBe(404);
    expect((await req(expert.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking`)).statusCode).toBe(403);
    expect((await req(applicant.cookie, 'GET', `/api/organiser/rounds/${round.id}/ranking`)).statusCode).toBe(403);
  });
});
