import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { Category } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication } from '../../test/factories.js';
import { auditEvents, regionClosures, users } from '../../db/schema/index.js';

describe('summary table', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  /** A city with enterprises and platforms recommended in a chosen order. */
  async function recommendedCity() {
    const round = await makeRound(t.ctx);
    const city = await makeAuthority(t.ctx, '440300', { displayName: '深圳市工业和信息化局' });
    await t.ctx.db.update(users).set({ contact: { name: '李四', mobileEnc: t.ctx.personalData.protect('13800138000'), phone: '0755-88888888' } }).where(eq(users.id, city.user.id));
    const make = async (category: Category, subType: string | null = null) => {
      const m = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305', category, subType });
      return { id: m.application.id, name: m.org.name!, number: m.number };
    };
    const enterprises = [await make('enterprise'), await make('enterprise'), await make('enterprise')];
    const platform = await make('platform', 'other');
    const unrecommended = await make('enterprise');
    await t.ctx.db.insert(regionClosures).values({ roundId: round.id, regionCode: '440300', closedAt: t.ctx.now(), closedBy: city.user.id });
    // Clicked in one order, then reordered: the summary follows the ranking, not the clicks.
    for (const a of [...enterprises, platform]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/authority/applications/${a.id}/recommend`, headers: { cookie: city.cookie } });
      expect(res.statusCode).toBe(200);
    }
    const order = [enterprises[2]!, enterprises[0]!, enterprises[1]!];
    const ranking = await t.app.inject({ method: 'PUT', url: `/api/authority/rounds/${round.id}/ranking`, headers: { cookie: city.cookie }, payload: { category: 'enterprise', subType: null, order: order.map((a) => a.id) } });
    expect(ranking.statusCode).toBe(200);
    return { round, city, order, platform, unrecommended };
  }

  it('lists the recommended per category in rank order with the contact masked on screen', async () => {
    const { round, city, order, platform, unrecommended } = await recommendedCity();
    const res = await get(city.cookie, `/api/authority/rounds/${round.id}/summary`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ authority: '深圳市工业和信息化局', preparer: '李四', phone: '0755-88888888' });
    const enterpriseRows = body.rows.filter((r: { category: string }) => r.category === 'enterprise');
    expect(enterpriseRows.map((r: { organisationName: string }) => r.organisationName)).toEqual(order.map((a) => a.name));
    expect(enterpriseRows.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(enterpriseRows[0]).toMatchObject({ contactName: '王五', contactMobile: '139****5678', contactEmail: 'w***@example.com', number: order[0]!.number, subType: null });
    expect(enterpriseRows[0].modes.length).toBeGreaterThan(0);
    const platformRow = body.rows.find((r: { applicationId: string }) => r.applicationId === platform.id);
    expect(platformRow).toMatchObject({ seq: 1, subType: 'other', subTypeLabel: '其他类' });
    expect(['公共服务平台', '应用服务提供商']).toContain(platformRow.serviceKind);
    expect(body.rows.some((r: { applicationId: string }) => r.applicationId === unrecommended.id)).toBe(false);

    const onlyPlatforms = (await get(city.cookie, `/api/authority/rounds/${round.id}/summary?category=platform`)).json();
    expect(onlyPlatforms.rows.map((r: { applicationId: string }) => r.applicationId)).toEqual([platform.id]);
  });

  it('exports an XLSX with the title, the header line and the rows in rank order', async () => {
    const { round, city, order } = await recommendedCity();
    const res = await get(city.cookie, `/api/authority/rounds/${round.id}/summary.xlsx?category=enterprise&preparer=${encodeURIComponent('赵六')}&phone=020-12345678`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1]!)).toBe('服务型制造示范遴选推荐汇总表（示范企业）-深圳市工业和信息化局.xlsx');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['示范企业']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('服务型制造示范遴选推荐汇总表（示范企业）');
    expect(String(ws.getCell('A2').value)).toBe('推荐单位（盖章）：深圳市工业和信息化局　　　填报人：赵六　　　联系电话：020-12345678');
    expect(ws.getCell('A3').value).toBe('一、示范企业');
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['序号', '企业名称', '示范模式', '联系人', '联系电话', '电子邮箱']);
    expect(ws.getCell('A4').font?.bold).toBe(true);
    expect(ws.getCell('B5').border?.top?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '4:4' });
    const rows = [5, 6, 7].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(rows.map((r) => r[1])).toEqual(order.map((a) => a.name));
    expect(rows[0]!.slice(3)).toEqual(['王五', '13912345678', 'wang@example.com']);
    expect(ws.rowCount).toBe(7);

    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'review.summary.export'));
    expect(audit.some((e) => e.subjectId === round.id && e.actorId === city.user.id)).toBe(true);
  });

  it('puts every category and sub-type of the round on its own sheet', async () => {
    const { round, city, platform } = await recommendedCity();
    const res = await get(city.cookie, `/api/authority/rounds/${round.id}/summary.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['示范企业', '示范平台（共享制造类）', '示范平台（其他类）', '示范项目', '示范城市（工业设计特色类）', '示范城市（其他类（综合类））']);
    const other = wb.getWorksheet('示范平台（其他类）')!;
    expect((other.getRow(4).values as unknown[]).slice(1)).toEqual(['序号', '平台名称（其他类）', '示范模式', '公共服务/应用服务提供商', '联系人', '联系电话', '电子邮箱']);
    expect(other.getCell('B5').value).toBe(platform.name);
    expect(other.getCell('A3').value).toBe('二、示范平台（其他类）');
    // The header line defaults to the account's contact.
    expect(String(other.getCell('A2').value)).toContain('填报人：李四');
    const design = wb.getWorksheet('示范城市（工业设计特色类）')!;
    expect((design.getRow(4).values as unknown[]).slice(1)).toEqual(['序号', '城市名称', '类型', '联系人', '联系电话', '电子邮箱']);
  });

  it('exports a PDF whose text carries the header and the names in rank order', async () => {
    const { round, city, order } = await recommendedCity();
    const res = await get(city.cookie, `/api/authority/rounds/${round.id}/summary.pdf?category=enterprise&preparer=${encodeURIComponent('赵六')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-pdf-'));
    try {
      const file = path.join(dir, 's.pdf');
      fs.writeFileSync(file, res.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('服务型制造示范遴选推荐汇总表（示范企业）');
      expect(text).toContain('深圳市工业和信息化局');
      expect(text).toContain('赵六');
      expect(text).toContain('0755-88888888');
      expect(text).toContain('13912345678');
      const positions = order.map((a) => text.indexOf(a.name));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('repeats the column header when a long table continues on the next page', async () => {
    const { renderSummaryPdf } = await import('../../services/pdf/summaryTable.js');
    const rows = Array.from({ length: 60 }, (_, i) => [String(i + 1), `测试单位${i + 1}有限公司`, '定制化服务、供应链管理', '王五', '13912345678', 'a@example.com']);
    const pdf = await renderSummaryPdf({
      title: '服务型制造示范遴选推荐汇总表（示范企业）',
      authority: '测试局',
      preparer: '甲',
      phone: '1',
      sections: [{ heading: '一、示范企业', title: 'x', sheetName: 'x', columns: ['序号', '企业名称', '示范模式', '联系人', '联系电话', '电子邮箱'].map((header) => ({ header, width: 10 })), rows }],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-pdf-'));
    try {
      const file = path.join(dir, 'long.pdf');
      fs.writeFileSync(file, pdf);
      const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(page).toContain('电子邮箱');
      expect(pages.at(-1)).toContain('测试单位60有限公司');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives another province an empty summary of its own and 404 for an unknown round', async () => {
    const { round } = await recommendedCity();
    const jiangsu = await makeAuthority(t.ctx, '320000');
    const own = await get(jiangsu.cookie, `/api/authority/rounds/${round.id}/summary`);
    expect(own.json().rows).toEqual([]);
    const xlsx = await get(jiangsu.cookie, `/api/authority/rounds/${round.id}/summary.xlsx?category=enterprise`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(4);
    expect((await get(jiangsu.cookie, `/api/authority/rounds/${crypto.randomUUID()}/summary.pdf`)).statusCode).toBe(404);
  });
});
