import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeAuthority, makeOrganisation, makeRegistryEntry } from '../../test/factories.js';
import { makeExpert } from '../../test/factories/stage45.js';
import { auditEvents, demonstrationUnits, evaluationRounds, registryEntries, revocations, unitEvaluations } from '../../db/schema/index.js';
import { requester } from '../authority/reviewFixtures.js';

const BASE = '/api/organiser/units';
const HEADER = '名称,统一社会信用代码,所属地区,示范类别,示范模式,批次,年份';

describe('organiser demonstration units', () => {
  let t: TestServer;
  let req: ReturnType<typeof requester>;
  let year: number;
  beforeAll(async () => {
    t = await getTestServer();
    req = requester(t);
    year = new Date(t.ctx.now().getTime() + 8 * 3600_000).getUTCFullYear();
  });
  afterAll(() => t.close());

  const upload = (cookie: string, step: 'preview' | 'commit', csv: string | Buffer, token?: string, filename = '历史示范单位.csv') =>
    t.app.inject({
      method: 'POST',
      url: `${BASE}/import/${step}?filename=${encodeURIComponent(filename)}${token ? `&token=${token}` : ''}`,
      payload: Buffer.isBuffer(csv) ? csv : Buffer.from(csv),
      headers: { cookie, 'content-type': 'application/octet-stream' },
    });

  async function importScenario() {
    const organiser = await makeAuthority(t.ctx, '440000');
    const applicant = await makeApplicant(t.ctx);
    const org = await makeOrganisation(t.ctx, applicant.user.id, { regionCode: '440305' });
    const plain = await makeRegistryEntry(t.ctx, { regionCode: '440106' });
    const present = await makeRegistryEntry(t.ctx, { regionCode: '440604' });
    const shanghai = await makeRegistryEntry(t.ctx, { regionCode: '310114' });
    await t.ctx.db.insert(demonstrationUnits).values({ uscc: present.uscc, name: present.name, category: 'enterprise', regionCode: '440604', title: '服务型制造示范企业', batch: '第三批', year: 2021, source: 'published' });
    const csv = [
      HEADER,
      `${org.name},${org.uscc},440305,示范企业,定制化服务,第二批,2018`,
      `${plain.name},${plain.uscc},广州市天河区,示范平台,,第三批,2021`,
      `坏代码公司,91440300MA5F0000,440305,示范企业,,第三批,2021`,
      `${present.name},${present.uscc},440604,示范企业,,第三批,2021`,
      `${shanghai.name},${shanghai.uscc},310114,示范企业,,第三批,2021`,
    ].join('\n');
    return { organiser, org, plain, present, shanghai, csv };
  }

  it('previews with rejected rows, refusals outside the territory and duplicates, then commits the same file and audits', async () => {
    const { organiser, org, plain, present, shanghai, csv } = await importScenario();
    const preview = await upload(organiser.cookie, 'preview', csv);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.counts).toEqual({ new: 2, duplicate: 1, outside: 1, rejected: 1, matched: 1 });
    expect(p.rejected).toEqual([expect.objectContaining({ row: 4, reasons: ['统一社会信用代码应为18位'] })]);
    const byName = new Map<string, { reason: string | null }>(p.rows.map((r: { name: string; reason: string | null }) => [r.name, r]));
    expect(byName.get(org.name!)).toMatchObject({ outcome: 'new', matchedOrganisation: org.name, title: '广东省服务型制造示范企业' });
    expect(byName.get(plain.name)).toMatchObject({ outcome: 'new', matchedOrganisation: null, regionCode: '440106', category: 'platform' });
    expect(byName.get(present.name)).toMatchObject({ outcome: 'duplicate' });
    expect(byName.get(shanghai.name)).toMatchObject({ outcome: 'outside' });
    expect(byName.get(shanghai.name)?.reason).toContain('不在本单位管辖范围内');
    // A preview stores nothing.
    expect(await t.ctx.db.select().from(demonstrationUnits).where(eq(demonstrationUnits.uscc, plain.uscc))).toHaveLength(0);

    const other = await upload(organiser.cookie, 'commit', `${csv}\n`, p.token);
    expect(other.statusCode).toBe(409);

    const commit = await upload(organiser.cookie, 'commit', csv, p.token);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ inserted: 2, counts: { new: 2, duplicate: 1, outside: 1, rejected: 1, matched: 1 } });
    const [matched] = await t.ctx.db.select().from(demonstrationUnits).where(eq(demonstrationUnits.uscc, org.uscc!));
    expect(matched).toMatchObject({ organisationId: org.id, source: 'imported', status: 'active', batch: '第二批', year: 2018, mode: '定制化服务' });
    expect(await t.ctx.db.select().from(demonstrationUnits).where(eq(demonstrationUnits.uscc, shanghai.uscc))).toHaveLength(0);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'units.import'), eq(auditEvents.actorId, organiser.user.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ new: 2, duplicate: 1, outside: 1, rejected: 1 });

    // The same file again: everything already present is skipped and reported.
    const again = (await upload(organiser.cookie, 'commit', csv, p.token)).json();
    expect(again).toMatchObject({ inserted: 0, counts: { new: 0, duplicate: 3, outside: 1, rejected: 1 } });

    const list = (await req(organiser.cookie, 'GET', `${BASE}?pageSize=100`)).json();
    const listed = new Map(list.items.map((u: { name: string }) => [u.name, u]));
    expect(listed.get(org.name!)).toMatchObject({ matched: true, status: 'active', source: 'imported' });
    expect(listed.get(plain.name)).toMatchObject({ matched: false, regionName: expect.stringContaining('广州市') });
    expect(listed.has(shanghai.name)).toBe(false);
    const platforms = (await req(organiser.cookie, 'GET', `${BASE}?category=platform&year=2021`)).json();
    expect(platforms.items.map((u: { name: string }) => u.name)).toEqual([plain.name]);
    const searched = (await req(organiser.cookie, 'GET', `${BASE}?q=${encodeURIComponent(org.name!)}&batch=${encodeURIComponent('第二批')}`)).json();
    expect(searched.total).toBe(1);
    expect(list.batches).toEqual(expect.arrayContaining(['第二批', '第三批']));
  });

  it('refuses a file that is not a spreadsheet and a sheet without the columns', async () => {
    const organiser = await makeAuthority(t.ctx, '440000');
    const exe = await t.app.inject({ method: 'POST', url: `${BASE}/import/preview?filename=a.exe`, payload: Buffer.from('MZ\x90\x00'), headers: { cookie: organiser.cookie, 'content-type': 'application/octet-stream' } });
    expect(exe.statusCode).toBe(415);
    const noColumns = await upload(organiser.cookie, 'preview', '甲,乙\n1,2\n');
    expect(noColumns.statusCode).toBe(400);
    const huge = await upload(organiser.cookie, 'preview', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    expect(huge.statusCode).toBe(413);
  });

  it('imports an XLSX for the ministry, whose territory is the whole country', async () => {
    const ministry = await makeAuthority(t.ctx, '000000');
    const a = await makeRegistryEntry(t.ctx, { regionCode: '320505' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['名称', '统一社会信用代码', '所属地区', '示范类别', '示范模式', '批次', '年份']);
    ws.addRow([a.name, a.uscc, '苏州市虎丘区', '示范企业', '总集成总承包', '第一批', 2017]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const p = (await upload(ministry.cookie, 'preview', bytes, undefined, '名单.xlsx')).json();
    expect(p.counts).toMatchObject({ new: 1, rejected: 0 });
    // The ministry's own titles carry no organiser name.
    expect(p.rows[0]).toMatchObject({ regionCode: '320505', title: '服务型制造示范企业', batch: '第一批', year: 2017 });
    expect((await upload(ministry.cookie, 'commit', bytes, p.token, '名单.xlsx')).json().inserted).toBe(1);
    const listed = (await req(ministry.cookie, 'GET', `${BASE}?q=${encodeURIComponent(a.uscc)}`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ name: a.name, regionCode: '320505' })]);
  });

  it('keeps other territories, districts, applicants and experts out', async () => {
    const { organiser, csv } = await importScenario();
    const p = (await upload(organiser.cookie, 'preview', csv)).json();
    await upload(organiser.cookie, 'commit', csv, p.token);
    const [unit] = await t.ctx.db.select().from(demonstrationUnits).where(and(eq(demonstrationUnits.regionCode, '440106'), eq(demonstrationUnits.source, 'imported'))).limit(1);

    const shanghai = await makeAuthority(t.ctx, '310000');
    const theirs = (await req(shanghai.cookie, 'GET', `${BASE}?pageSize=100`)).json();
    expect(theirs.items.every((u: { regionCode: string }) => u.regionCode.startsWith('31'))).toBe(true);
    expect((await req(shanghai.cookie, 'POST', `${BASE}/${unit!.id}/revocation/confirm`, {})).statusCode).toBe(404);
    expect((await req(shanghai.cookie, 'POST', `${BASE}/${unit!.id}/revocation/dismiss`, { note: '不予撤销的理由' })).statusCode).toBe(404);
    // Shanghai previews the Guangdong file: only its own row may be imported.
    const foreign = (await upload(shanghai.cookie, 'preview', csv)).json();
    expect(foreign.counts.new).toBe(1);
    expect(foreign.counts.outside).toBe(3);

    const district = await makeAuthority(t.ctx, '440305');
    const applicant = await makeApplicant(t.ctx);
    const expert = await makeExpert(t);
    for (const cookie of [district.cookie, applicant.cookie, expert.cookie]) {
      expect((await req(cookie, 'GET', BASE)).statusCode).toBe(403);
      expect((await req(cookie, 'GET', `${BASE}/revocations/proposals`)).statusCode).toBe(403);
      expect((await upload(cookie, 'preview', csv)).statusCode).toBe(403);
      expect((await req(cookie, 'POST', `${BASE}/${unit!.id}/revocation/confirm`, {})).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: BASE })).statusCode).toBe(401);
  });

  it('proposes revocation for a cancelled business and three consecutive 基本合格; confirm hides the unit from the public list, dismiss keeps it', async () => {
    const organiser = await makeAuthority(t.ctx, '440000');
    const cancelled = await makeRegistryEntry(t.ctx, { regionCode: '440303' });
    await t.ctx.db.update(registryEntries).set({ businessStatus: '注销' }).where(eq(registryEntries.uscc, cancelled.uscc));
    const weak = await makeRegistryEntry(t.ctx, { regionCode: '440304' });
    const fine = await makeRegistryEntry(t.ctx, { regionCode: '440304' });
    const designated = year - 3;
    const csv = [HEADER, ...[cancelled, weak, fine].map((r) => `${r.name},${r.uscc},${r.regionCode},示范企业,,第五批,${designated}`)].join('\n');
    const p = (await upload(organiser.cookie, 'preview', csv)).json();
    expect((await upload(organiser.cookie, 'commit', csv, p.token)).json().inserted).toBe(3);
    const unitOf = async (uscc: string) => (await t.ctx.db.select().from(demonstrationUnits).where(eq(demonstrationUnits.uscc, uscc)))[0]!;
    const [cancelledUnit, weakUnit, fineUnit] = [await unitOf(cancelled.uscc), await unitOf(weak.uscc), await unitOf(fine.uscc)];

    for (const [i, y] of [year - 2, year - 1, year].entries()) {
      const opensAt = new Date(Date.UTC(y, 0, 1));
      const [round] = await t.ctx.db
        .insert(evaluationRounds)
        .values({ organiserRegion: '440000', year: y, name: `${y}年度评估评价`, opensAt, closesAt: opensAt, checkDueAt: opensAt, status: 'closed', createdBy: organiser.user.id })
        .returning();
      await t.ctx.db.insert(unitEvaluations).values([
        { evaluationRoundId: round!.id, unitId: weakUnit.id, regionCode: weakUnit.regionCode, year: y, status: 'graded', grade: 'basic' },
        // One 合格 in the middle breaks the run for this unit.
        { evaluationRoundId: round!.id, unitId: fineUnit.id, regionCode: fineUnit.regionCode, year: y, status: 'graded', grade: i === 1 ? 'qualified' : 'basic' },
      ]);
    }

    const proposals = await req(organiser.cookie, 'GET', `${BASE}/revocations/proposals`);
    expect(proposals.statusCode).toBe(200);
    const body = proposals.json();
    expect(body.evaluationYear).toBe(year);
    const byUnit = new Map<string, { history: string[] }>(body.items.map((i: { unitId: string; history: string[] }) => [i.unitId, i]));
    expect(byUnit.get(cancelledUnit.id)).toMatchObject({ reasons: ['经营状态为注销'], businessStatus: '注销' });
    expect(byUnit.get(weakUnit.id)).toMatchObject({ reasons: [`${year - 2}年、${year - 1}年、${year}年连续三年评估为基本合格`] });
    expect(byUnit.get(weakUnit.id)?.history).toEqual([`${year - 2}年 基本合格`, `${year - 1}年 基本合格`, `${year}年 基本合格`]);
    expect(byUnit.has(fineUnit.id)).toBe(false);
    // The year before: the run had not reached three years yet.
    const lastYear = (await req(organiser.cookie, 'GET', `${BASE}/revocations/proposals?year=${year - 1}`)).json();
    expect(lastYear.items.map((i: { unitId: string }) => i.unitId)).toEqual([cancelledUnit.id]);

    // A unit the rules do not propose cannot be revoked.
    expect((await req(organiser.cookie, 'POST', `${BASE}/${fineUnit.id}/revocation/confirm`, {})).statusCode).toBe(409);
    expect((await req(organiser.cookie, 'POST', `${BASE}/${weakUnit.id}/revocation/dismiss`, { note: '' })).statusCode).toBe(400);

    const publicList = async () => (await t.app.inject({ method: 'GET', url: `/api/public/units?q=${encodeURIComponent(cancelled.name)}` })).json();
    expect((await publicList()).items).toHaveLength(1);
    const confirmed = await req(organiser.cookie, 'POST', `${BASE}/${cancelledUnit.id}/revocation/confirm`, { year });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', reasons: ['经营状态为注销'] });
    expect(await unitOf(cancelled.uscc)).toMatchObject({ status: 'revoked', revokeReason: '经营状态为注销', revokedAt: expect.any(Date) });
    expect((await publicList()).items).toHaveLength(0);
    expect((await req(organiser.cookie, 'POST', `${BASE}/${cancelledUnit.id}/revocation/confirm`, { year })).statusCode).toBe(409);

    const dismissed = await req(organiser.cookie, 'POST', `${BASE}/${weakUnit.id}/revocation/dismiss`, { year, note: '已整改，经复核保留称号' });
    expect(dismissed.statusCode).toBe(200);
    expect(await unitOf(weak.uscc)).toMatchObject({ status: 'active' });
    const rows = await t.ctx.db.select().from(revocations).where(eq(revocations.unitId, weakUnit.id));
    expect(rows).toEqual([expect.objectContaining({ status: 'dismissed', note: '已整改，经复核保留称号', decidedBy: organiser.user.id })]);
    expect((await t.ctx.db.select().from(revocations).where(eq(revocations.unitId, cancelledUnit.id)))[0]).toMatchObject({ status: 'confirmed' });
    expect((await t.ctx.db.select().from(revocations).where(eq(revocations.unitId, cancelledUnit.id)))[0]!.evaluationRoundId).not.toBeNull();

    // Neither comes back: one is revoked, the other's same proposal was dismissed.
    const after = (await req(organiser.cookie, 'GET', `${BASE}/revocations/proposals`)).json();
    expect(after.items.map((i: { unitId: string }) => i.unitId)).not.toEqual(expect.arrayContaining([cancelledUnit.id]));
    expect(after.items.map((i: { unitId: string }) => i.unitId)).not.toContain(weakUnit.id);
    const revokedList = (await req(organiser.cookie, 'GET', `${BASE}?status=revoked`)).json();
    expect(revokedList.items).toEqual([expect.objectContaining({ id: cancelledUnit.id, revokeReason: '经营状态为注销' })]);
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.actorId, organiser.user.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['units.revocation.confirm', 'units.revocation.dismiss']));
  });
});
