import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { Category, DashboardFigure, DashboardResponse } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplication, makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { makeExpert, makeScoreSheet } from '../../test/factories/stage45.js';
import { insertRecommended, insertReview } from '../authority/reviewFixtures.js';
import { applications, demonstrationUnits, evaluationRounds, reviewAssignments, roundDecisions, rounds, unitEvaluations } from '../../db/schema/index.js';

/**
 * The dashboards against data seeded here, with every expected number counted by hand. National round R
 * (levels city → province → ministry, organiser the ministry; one quota: 5 enterprises):
 *   Shenzhen 440300: a1 enterprise 南山 recommended by the city; a2 enterprise 南山 returned; a3 enterprise 宝安
 *   checked; a4 platform (other) 宝安 waiting; a5 enterprise 南山 recommended by city and province; one draft in 南山.
 *   Guangzhou 440100: b1 enterprise 天河 recommended by the city. Jiangsu: c1 enterprise 南京玄武, submitted.
 */
describe('dashboards', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const figure = (d: DashboardResponse, key: string) => d.figures.find((f) => f.key === key)!;
  /** label → count of the figure's first series (or the named one). */
  const table = (f: DashboardFigure, series = 0) => Object.fromEntries(f.labels.map((l, i) => [l, f.series[series]!.data[i]]));

  async function seeded() {
    const round = await makeRound(t.ctx, { config: { quotas: [{ category: 'enterprise', max: 5 }], titledRegions: [] } });
    const submit = async (regionCode: string, modes: string[], category: Category = 'enterprise', subType: string | null = null) => {
      const m = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode, category, subType });
      await t.ctx.db.update(applications).set({ data: { ...m.data, modes } }).where(eq(applications.id, m.application.id));
      return m.application;
    };
    const a1 = await submit('440305', ['定制化服务', '供应链管理']);
    const a2 = await submit('440305', ['定制化服务']);
    const a3 = await submit('440306', ['定制化服务']);
    const a4 = await submit('440306', ['全生命周期管理'], 'platform', 'other');
    const a5 = await submit('440305', ['供应链管理']);
    await makeApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const b1 = await submit('440106', ['定制化服务']);
    const c1 = await submit('320102', ['定制化服务']);
    await insertRecommended(t.ctx, a1, '440300', 1);
    await insertReview(t.ctx, a2, '440300', { checkStatus: 'returned', checkReason: '材料不全' });
    await insertReview(t.ctx, a3, '440300', { checkStatus: 'passed' });
    await insertRecommended(t.ctx, a5, '440300', 2);
    await insertRecommended(t.ctx, a5, '440000', 1);
    await insertRecommended(t.ctx, b1, '440100', 1);
    return { round, a1, a2, a3, a4, a5, b1, c1 };
  }

  it('counts a city’s applications by category, mode, district, status and quota', async () => {
    const { round } = await seeded();
    const city = await makeAuthority(t.ctx, '440300');
    const res = await get(city.cookie, `/api/dashboard/rounds/${round.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as DashboardResponse;
    expect(d.scope).toMatchObject({ regionCode: '440300', regionName: '深圳市', levelLabel: '地市', organiser: false });
    expect(table(figure(d, 'category'))).toEqual({ 示范企业: 4, '示范平台（其他类）': 1 });
    expect(table(figure(d, 'mode'))).toEqual({ 定制化服务: 3, 供应链管理: 2, 全生命周期管理: 1 });
    expect(table(figure(d, 'subRegion'))).toEqual({ 南山区: 3, 宝安区: 2 });
    expect(table(figure(d, 'status'))).toEqual({ '草稿（未提交）': 1, 已提交待审核: 1, 审核通过: 1, 已退回: 1, 本级已推荐: 1, 上级已推荐: 1 });
    const quota = figure(d, 'quota');
    expect(quota.labels).toEqual(['示范企业']);
    expect(quota.series).toEqual([{ name: '已推荐', data: [2] }, { name: '名额', data: [5] }]);
    // Expert review and decisions are the organiser's.
    expect(d.figures.map((f) => f.key)).not.toContain('reviewProgress');
    expect(d.figures.map((f) => f.key)).not.toContain('decisions');
  });

  it('shows a province what its cities recommended, by city', async () => {
    const { round } = await seeded();
    const province = await makeAuthority(t.ctx, '440000');
    const d = (await get(province.cookie, `/api/dashboard/rounds/${round.id}`)).json() as DashboardResponse;
    expect(table(figure(d, 'category'))).toEqual({ 示范企业: 3 });
    expect(table(figure(d, 'subRegion'))).toEqual({ 广州市: 1, 深圳市: 2 });
    expect(figure(d, 'subRegion').labels).toEqual(['广州市', '深圳市']);
    // No drafts above the first level, nothing above this one recommended yet.
    expect(table(figure(d, 'status'))).toEqual({ 已提交待审核: 2, 审核通过: 0, 已退回: 0, 本级已推荐: 1, 上级已推荐: 0 });
    expect(figure(d, 'quota').series[0]!.data).toEqual([1]);
  });

  it('gives the organiser expert-review progress and decisions', async () => {
    const { round, a5 } = await seeded();
    const ministry = await makeAuthority(t.ctx, '000000');
    const experts = [await makeExpert(t), await makeExpert(t), await makeExpert(t), await makeExpert(t)];
    await makeScoreSheet(t, { roundId: round.id, applicationId: a5.id, expertId: experts[0]!.user.id, total: 80 });
    await t.ctx.db.insert(reviewAssignments).values([
      { roundId: round.id, applicationId: a5.id, expertId: experts[1]!.user.id, noConflictDeclaredAt: t.ctx.now() },
      { roundId: round.id, applicationId: a5.id, expertId: experts[2]!.user.id },
      { roundId: round.id, applicationId: a5.id, expertId: experts[3]!.user.id, status: 'declined', conflictReason: '同一单位' },
    ]);
    await t.ctx.db.insert(roundDecisions).values({ roundId: round.id, applicationId: a5.id, decision: 'selected', rank: 1, preparedBy: ministry.user.id, releasedAt: t.ctx.now() });
    const d = (await get(ministry.cookie, `/api/dashboard/rounds/${round.id}`)).json() as DashboardResponse;
    expect(d.scope.organiser).toBe(true);
    expect(table(figure(d, 'category'))).toEqual({ 示范企业: 1 });
    expect(table(figure(d, 'subRegion'))).toEqual({ 广东省: 1 });
    expect(table(figure(d, 'reviewProgress'))).toEqual({ 已分配待声明: 1, 已声明无利害关系: 1, 已提交评分: 1, 回避: 1, 已撤回: 0 });
    const decisions = figure(d, 'decisions');
    expect(decisions.labels).toEqual(['示范企业']);
    expect(decisions.series.map((s) => [s.name, s.data[0]])).toEqual([['拟入选（已发布）', 1], ['拟入选（未发布）', 0], ['未入选', 0]]);
    // The last level decides; it has no recommendation places.
    expect(figure(d, 'quota')).toMatchObject({ labels: [], note: '本级为最终审核层级，不向上推荐' });
  });

  it('shows evaluation grades by year and trends across batches of the own region only', async () => {
    const { round } = await seeded();
    // An earlier round with one Shenzhen application, and a draft round no one sees yet.
    const earlier = await makeRound(t.ctx);
    await t.ctx.db.update(rounds).set({ year: 2024, name: '第二批' }).where(eq(rounds.id, earlier.id));
    await makeSubmittedApplication(t.ctx, { roundId: earlier.id, regionCode: '440305' });
    const unit = async (regionCode: string, year: number, batch: string, category: Category = 'enterprise') =>
      (await t.ctx.db.insert(demonstrationUnits).values({ name: `单位${regionCode}${year}`, category, regionCode, title: '示范企业', batch, year, source: 'import' }).returning())[0]!;
    const u1 = await unit('440305', 2023, '第五批');
    const u2 = await unit('440106', 2023, '第五批', 'platform');
    const u3 = await unit('440305', 2024, '第六批');
    const u4 = await unit('320102', 2024, '第六批');
    const [evaluation] = await t.ctx.db.insert(evaluationRounds).values({ organiserRegion: '000000', year: 2025, name: '2025年评估', opensAt: t.ctx.now(), closesAt: t.ctx.now(), checkDueAt: t.ctx.now(), createdBy: u1.id }).returning();
    const grade = (u: typeof u1, g: string) => ({ evaluationRoundId: evaluation!.id, unitId: u.id, regionCode: u.regionCode, year: 2025, grade: g, status: 'graded' });
    await t.ctx.db.insert(unitEvaluations).values([grade(u1, 'excellent'), grade(u2, 'qualified'), grade(u3, 'qualified'), grade(u4, 'excellent')]);

    const city = await makeAuthority(t.ctx, '440300');
    const d = (await get(city.cookie, `/api/dashboard/rounds/${round.id}`)).json() as DashboardResponse;
    const grades = figure(d, 'grades');
    expect(grades.labels).toEqual(['2025']);
    expect(grades.series.map((s) => [s.name, s.data])).toEqual([['优秀', [1]], ['合格', [1]], ['基本合格', [0]]]);
    const units = figure(d, 'unitTrend');
    expect(units.labels).toEqual(['2023 第五批', '2024 第六批']);
    expect(units.series).toEqual([{ name: '示范企业', data: [1, 1] }]);
    const trend = table(figure(d, 'applicationTrend'));
    expect(trend['2024 第二批']).toBe(1);
    expect(trend[`2026 ${round.name}`]).toBeGreaterThanOrEqual(5);

    const province = await makeAuthority(t.ctx, '440000');
    const p = (await get(province.cookie, `/api/dashboard/rounds/${round.id}`)).json() as DashboardResponse;
    expect(figure(p, 'grades').series.map((s) => s.data)).toEqual([[1], [2], [0]]);
    expect(figure(p, 'unitTrend').series).toEqual([{ name: '示范企业', data: [1, 1] }, { name: '示范平台', data: [1, 0] }]);
  });

  it('keeps regions apart: another city sees none of Shenzhen, another province’s round is 404, others are refused', async () => {
    const { round } = await seeded();
    const nanjing = await makeAuthority(t.ctx, '320100');
    const d = (await get(nanjing.cookie, `/api/dashboard/rounds/${round.id}`)).json() as DashboardResponse;
    expect(table(figure(d, 'category'))).toEqual({ 示范企业: 1 });
    expect(table(figure(d, 'subRegion'))).toEqual({ 玄武区: 1 });

    const jiangsuRound = await makeRound(t.ctx, { config: { reviewLevels: ['city', 'province'] } });
    await t.ctx.db.update(rounds).set({ organiserRegion: '320000' }).where(eq(rounds.id, jiangsuRound.id));
    const shenzhen = await makeAuthority(t.ctx, '440300');
    expect((await get(shenzhen.cookie, `/api/dashboard/rounds/${jiangsuRound.id}`)).statusCode).toBe(404);
    expect((await get(shenzhen.cookie, `/api/dashboard/rounds/${jiangsuRound.id}/category.xlsx`)).statusCode).toBe(404);
    // Organiser figures are not downloadable by a reviewing city either.
    expect((await get(shenzhen.cookie, `/api/dashboard/rounds/${round.id}/reviewProgress.xlsx`)).statusCode).toBe(404);

    const applicant = await makeApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    expect((await get(applicant.cookie, `/api/dashboard/rounds/${round.id}`)).statusCode).toBe(403);
    const expert = await makeExpert(t);
    expect((await get(expert.cookie, `/api/dashboard/rounds/${round.id}/category.xlsx`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/dashboard/rounds/${round.id}` })).statusCode).toBe(401);
  });

  it('downloads a figure as XLSX with the chart’s numbers and a total', async () => {
    const { round } = await seeded();
    const city = await makeAuthority(t.ctx, '440300');
    const res = await get(city.cookie, `/api/dashboard/rounds/${round.id}/status.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('申报状态');
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n >= 3 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['状态', '申报书数'],
      ['草稿（未提交）', 1],
      ['已提交待审核', 1],
      ['审核通过', 1],
      ['已退回', 1],
      ['本级已推荐', 1],
      ['上级已推荐', 1],
      ['合计', 6],
    ]);

    const quota = new ExcelJS.Workbook();
    await quota.xlsx.load((await get(city.cookie, `/api/dashboard/rounds/${round.id}/quota.xlsx`)).rawPayload as unknown as ArrayBuffer);
    expect((quota.worksheets[0]!.getRow(4).values as unknown[]).slice(1)).toEqual(['示范企业', 2, 5]);
  });
});
