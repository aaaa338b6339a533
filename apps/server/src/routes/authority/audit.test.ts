import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { requester } from './reviewFixtures.js';

interface AuditItem {
  action: string;
  actionLabel: string;
  regionCode: string;
  actorName: string | null;
  actorRoleLabel: string | null;
  subjectName: string | null;
}

describe('authority review: audit log', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
  });
  afterAll(() => t.close());

  it('lists the actions inside the region only, newest first, and exports them as XLSX', async () => {
    const round = await makeRound(t.ctx);
    const other = await makeRound(t.ctx);
    const nanshan = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const nanjing = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '320102' });
    await makeSubmittedApplication(t.ctx, { roundId: other.id, regionCode: '440305' });
    const shenzhen = await makeAuthority(t.ctx, '440300', { displayName: '深圳市工业和信息化局' });
    const cityB = await makeAuthority(t.ctx, '320100');
    const province = await makeAuthority(t.ctx, '440000');
    const district = await makeAuthority(t.ctx, '440305');
    await req(shenzhen.cookie, 'POST', `/api/authority/rounds/${round.id}/close`);
    await req(shenzhen.cookie, 'POST', `/api/authority/applications/${nanshan.application.id}/check`, { result: 'returned', reason: '缺少材料' });
    await req(cityB.cookie, 'POST', `/api/authority/applications/${nanjing.application.id}/check`, { result: 'passed' });

    const res = await req(province.cookie, 'GET', `/api/authority/audit?roundId=${round.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as AuditItem[];
    expect(items.every((e) => e.regionCode.startsWith('44'))).toBe(true);
    expect(items.map((e) => e.action)).toEqual(['review.check_return', 'region.close', 'application.submit']);
    expect(items[0]).toMatchObject({ actionLabel: '形式审查退回', actorName: '深圳市工业和信息化局', actorRoleLabel: '主管部门', subjectName: nanshan.org.name });
    expect(items[2]).toMatchObject({ actionLabel: '提交申报书', actorRoleLabel: '申报单位' });

    // Without a round filter the other round's submit shows too; a district sees nothing of the city's own closing.
    const everything = (await req(province.cookie, 'GET', '/api/authority/audit')).json();
    expect(everything.total).toBe(4);
    const forDistrict = (await req(district.cookie, 'GET', `/api/authority/audit?roundId=${round.id}`)).json().items as AuditItem[];
    expect(forDistrict.map((e) => e.action)).toEqual(['review.check_return', 'application.submit']);
    const onlyChecks = (await req(province.cookie, 'GET', '/api/authority/audit?action=review.check_return')).json();
    expect(onlyChecks.total).toBe(1);
    const future = (await req(province.cookie, 'GET', '/api/authority/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
    expect((await req(province.cookie, 'GET', '/api/authority/audit?from=yesterday')).statusCode).toBe(400);

    const xlsx = await req(province.cookie, 'GET', `/api/authority/audit.xlsx?roundId=${round.id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('操作日志')!;
    expect(ws.getRow(1).getCell(4).value).toBe('操作');
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(4).value).toBe('形式审查退回');
    expect(ws.getRow(2).getCell(2).value).toBe('深圳市工业和信息化局');
  });
});
