import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplication, makeAuthority, makeSubmittedApplication } from '../../test/factories.js';
import { listenLocal, tusUpload } from '../../test/tusClient.js';
import { auditEvents, files } from '../../db/schema/index.js';
import { makeCfb, makePdf } from '../../services/documents/sampleDocuments.js';
import { makeCrowdedDocx, makeDocxBomb, makeNestedDocx, makePdfWithObjectStream, makePdfWithOpenAction, makeTraversalDocx } from '../../services/documents/hostileDocuments.js';

let t: TestServer;
let base: string;

beforeAll(async () => {
  t = await getTestServer();
  base = await listenLocal(t.app);
});
afterAll(() => t.close());

const narrative = (applicationId: string, filename = '申报说明.docx') => ({ applicationId, slot: 'narrative', filename });

describe('hostile uploads', () => {
  it.each([
    ['a 40 MB compression bomb', () => makeDocxBomb(40), 415, '文件压缩比异常（超过100倍），疑似压缩炸弹，已拒绝'],
    ['a zip in a zip in the docx', () => makeNestedDocx(2), 415, '文件内嵌了多层压缩包，已拒绝，请删除内嵌的压缩文件后重新上传'],
    ['a path leaving the folder', () => makeTraversalDocx(), 415, '文件内含非法路径（绝对路径或“..”），已拒绝'],
    ['2,001 extra entries', () => makeCrowdedDocx(2001), 413, '文件内部条目过多（超过2000个），疑似压缩炸弹，请检查后重新上传'],
  ] as const)('refuses %s, keeps no bytes and no row', async (_what, make, status, message) => {
    const { application, cookie } = await makeApplication(t.ctx);
    const out = await tusUpload(base, cookie, make(), narrative(application.id), { headers: t.csrfHeaders(cookie) });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.status).toBe(status);
    expect(out.body?.message).toBe(message);
    const id = (out.error as { originalRequest?: { getURL(): string } }).originalRequest?.getURL().split('/').pop();
    expect(await t.ctx.files.hasUpload(id!)).toBe(false);
    expect(await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id))).toHaveLength(0);
  });

  it('accepts a docx embedding one workbook-like zip', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const out = await tusUpload(base, cookie, makeNestedDocx(1), narrative(application.id), { headers: t.csrfHeaders(cookie) });
    expect(out.ok && out.file.kind).toBe('docx');
  });

  it('refuses a .doc whose OLE header is only a signature', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const broken = makeCfb();
    broken.writeUInt16LE(0, 0x1c);
    const out = await tusUpload(base, cookie, broken, narrative(application.id, '旧版.doc'), { headers: t.csrfHeaders(cookie) });
    expect(!out.ok && out.status).toBe(415);
    expect(!out.ok && out.body?.message).toBe('文件已损坏或不是有效的 Word/WPS 文档，请另存后重新上传');
  });

  it('accepts PDFs with active content but flags them in the row, the audit and the file view', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const meta = { applicationId: application.id, slot: 'supporting' };
    const opened = await tusUpload(base, cookie, await makePdfWithOpenAction(), { ...meta, filename: '证书.pdf' }, { headers: t.csrfHeaders(cookie) });
    expect(opened.ok && opened.file.flags).toEqual(['JS', 'JavaScript', 'OpenAction']);
    const hidden = await tusUpload(base, cookie, await makePdfWithObjectStream(), { ...meta, filename: '专利.pdf' }, { headers: t.csrfHeaders(cookie) });
    expect(hidden.ok && hidden.file.flags).toEqual(['EmbeddedFile', 'Launch']);
    const plain = await tusUpload(base, cookie, await makePdf(), { ...meta, filename: '报告.pdf' }, { headers: t.csrfHeaders(cookie) });
    expect(plain.ok && plain.file.flags).toEqual([]);

    const rows = await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id));
    expect(rows.map((r) => r.flags).sort()).toEqual([[], ['EmbeddedFile', 'Launch'], ['JS', 'JavaScript', 'OpenAction']]);
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, application.id));
    expect(audit.map((a) => (a.detail as { flags?: string[] }).flags)).toContainEqual(['EmbeddedFile', 'Launch']);
  });

  it('shows the flags to the authority reviewing the application', async () => {
    const made = await makeSubmittedApplication(t.ctx, { regionCode: '440305' });
    const [first] = await t.ctx.db.select().from(files).where(eq(files.applicationId, made.application.id));
    await t.ctx.db.update(files).set({ flags: ['JavaScript', 'OpenAction'] }).where(eq(files.id, first!.id));
    const city = await makeAuthority(t.ctx, '440300');
    const res = await t.app.inject({ method: 'GET', url: `/api/authority/applications/${made.application.id}`, headers: { cookie: city.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const shown = (res.json() as { files: { id: string; flags?: string[] }[] }).files.find((f) => f.id === first!.id);
    expect(shown?.flags).toEqual(['JavaScript', 'OpenAction']);
  });
});
