import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { MB } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplication, makeApplicant, makeRound } from '../../test/factories.js';
import { makeCfb, makeDocx, makeExe, makePdf, makePng } from '../../test/documents.js';
import { listenLocal, startTusUpload, tusUpload } from '../../test/tusClient.js';
import { applications, auditEvents, files } from '../../db/schema/index.js';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const metadataHeader = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k} ${b64(v)}`).join(',');

let t: TestServer;
let base: string;

beforeAll(async () => {
  t = await getTestServer();
  base = await listenLocal(t.app);
});
afterAll(() => t.close());

/** A raw tus creation request, for answers tus-js-client would hide behind retries. */
async function create(cookie: string, meta: Record<string, string>, length: number) {
  const res = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: { ...t.csrfHeaders(cookie), 'tus-resumable': '1.0.0', 'upload-length': String(length), 'upload-metadata': metadataHeader(meta) },
  });
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), body: text ? (JSON.parse(text) as { code: string; message: string }) : null };
}

describe('tus uploads', () => {
  it('stores a real .docx and answers the final PATCH with the file in Upload-Result', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const docx = makeDocx('申报说明');
    const out = await tusUpload(base, cookie, docx, { applicationId: application.id, slot: 'narrative', filename: '申报说明.docx', filetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.file).toMatchObject({ slot: 'narrative', name: '申报说明.docx', size: docx.length, kind: 'docx', sha256: sha(docx) });

    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, out.file.id));
    expect(row!.uploadStartedAt).toBeInstanceOf(Date);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'file.upload'), eq(auditEvents.subjectId, application.id)));
    expect(audit).toHaveLength(1);
    // Nothing is left of the unfinished upload: the bytes moved to permanent storage.
    expect(await t.ctx.files.hasUpload(out.url.split('/').pop()!)).toBe(false);
    const [app] = await t.ctx.db.select().from(applications).where(eq(applications.id, application.id));
    expect(app!.status).toBe('draft');
  });

  it('stores a real PDF made by pdfkit in the supporting slot', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const pdf = await makePdf();
    const out = await tusUpload(base, cookie, pdf, { applicationId: application.id, slot: 'supporting', filename: '获奖证书.PDF', filetype: 'application/pdf' });
    expect(out.ok && out.file.kind).toBe('pdf');
  });

  it('accepts OLE compound files as .doc and .wps', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    for (const filename of ['旧版.doc', '金山.wps']) {
      const out = await tusUpload(base, cookie, makeCfb(), { applicationId: application.id, slot: 'narrative', filename });
      expect(out.ok && out.file.kind).toBe(filename.slice(-3));
    }
  });

  it('resumes an interrupted 60 MB upload and stores the exact bytes', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    // A real PDF padded to 60 MB with random bytes: the content still sniffs as PDF.
    const pdf = await makePdf();
    const source = Buffer.concat([pdf, crypto.randomBytes(60 * MB - pdf.length)]);
    const meta = { applicationId: application.id, slot: 'brochure', filename: '企业宣传册.pdf', filetype: 'application/pdf' };

    let acceptedAtAbort = 0;
    const first = startTusUpload(base, cookie, source, meta, {
      chunkSize: 8 * MB,
      onChunkComplete: (_size, accepted) => {
        if (accepted >= 16 * MB && !acceptedAtAbort) {
          acceptedAtAbort = accepted;
          void first.upload.abort();
        }
      },
    });
    await expect.poll(() => acceptedAtAbort, { timeout: 20_000 }).toBeGreaterThan(0);
    const url = first.upload.url!;

    const head = await fetch(url, { method: 'HEAD', headers: { cookie, 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBe(acceptedAtAbort);
    expect(offset).toBeLessThan(source.length);

    const resumed = await tusUpload(base, cookie, source, meta, { uploadUrl: url, chunkSize: 16 * MB });
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.file.size).toBe(source.length);
    expect(resumed.file.sha256).toBe(sha(source));
  }, 60_000);

  it('refuses a .pdf that is really a PNG with 415 and discards its bytes', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const out = await tusUpload(base, cookie, makePng(), { applicationId: application.id, slot: 'supporting', filename: '证书.pdf' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.status).toBe(415);
    expect(out.body).toMatchObject({ code: 'UNSUPPORTED_FILE', message: '文件内容与扩展名不符' });
    const id = (out.error as { originalRequest?: { getURL(): string } }).originalRequest?.getURL().split('/').pop();
    expect(await t.ctx.files.hasUpload(id!)).toBe(false);
    expect(await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id))).toHaveLength(0);
  });

  it('refuses text named .pdf and an .exe renamed .docx with 415', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const text = await tusUpload(base, cookie, Buffer.from('这不是PDF文件'.repeat(50)), { applicationId: application.id, slot: 'supporting', filename: 'a.pdf' });
    expect(!text.ok && text.status).toBe(415);
    const exe = await tusUpload(base, cookie, makeExe(), { applicationId: application.id, slot: 'narrative', filename: 'setup.docx' });
    expect(!exe.ok && exe.status).toBe(415);
    expect(!exe.ok && exe.body?.message).toBe('文件内容与扩展名不符');
  });

  it('refuses an extension the slot does not take, and an unknown slot', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const pdfInNarrative = await create(cookie, { applicationId: application.id, slot: 'narrative', filename: 'a.pdf' }, 100);
    expect(pdfInNarrative).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_FILE', message: '该栏目不支持此文件类型' } });
    const unknown = await create(cookie, { applicationId: application.id, slot: 'photos', filename: 'a.pdf' }, 100);
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
  });

  it('refuses a declared size over the slot limit with 413, and bytes beyond the declared size', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const tooBig = await create(cookie, { applicationId: application.id, slot: 'narrative', filename: 'a.docx' }, 50 * MB + 1);
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });

    const small = await create(cookie, { applicationId: application.id, slot: 'narrative', filename: 'a.docx' }, 10);
    expect(small.status).toBe(201);
    const patch = await fetch(new URL(small.location!, base), {
      method: 'PATCH',
      headers: { ...t.csrfHeaders(cookie), 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: Buffer.alloc(20),
    });
    expect(patch.status).toBe(413);
    expect(await patch.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses to create an upload after the deadline with 403', async () => {
    const round = await makeRound(t.ctx, { closesAt: new Date(Date.now() + 60_000) });
    const { application, cookie } = await makeApplication(t.ctx, { roundId: round.id });
    t.setNow(new Date(Date.now() + 120_000));
    try {
      const res = await create(cookie, { applicationId: application.id, slot: 'narrative', filename: 'a.docx' }, 100);
      expect(res).toMatchObject({ status: 403, body: { code: 'DEADLINE_PASSED' } });
    } finally {
      t.setNow(null);
    }
  });

  it('lets an upload begun before the deadline finish within the grace minutes, but no new one start', async () => {
    const closesAt = new Date(Date.now() + 60_000);
    const round = await makeRound(t.ctx, { closesAt, config: { submitGraceMinutes: 15 } });
    const { application, cookie } = await makeApplication(t.ctx, { roundId: round.id });
    const docx = makeDocx();
    const created = await create(cookie, { applicationId: application.id, slot: 'narrative', filename: '最后一份.docx' }, docx.length);
    expect(created.status).toBe(201);
    t.setNow(new Date(closesAt.getTime() + 5 * 60_000));
    try {
      expect((await create(cookie, { applicationId: application.id, slot: 'narrative', filename: 'b.docx' }, docx.length)).status).toBe(403);
      const patch = await fetch(new URL(created.location!, base), {
        method: 'PATCH',
        headers: { ...t.csrfHeaders(cookie), 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        body: docx,
      });
      expect(patch.status).toBe(204);
      const result = JSON.parse(decodeURIComponent(patch.headers.get('upload-result')!)) as { name: string; kind: string };
      expect(result).toMatchObject({ name: '最后一份.docx', kind: 'docx' });
      const [row] = await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id));
      expect(row!.uploadStartedAt.getTime()).toBeLessThanOrEqual(closesAt.getTime());
    } finally {
      t.setNow(null);
    }
  });

  it('answers the CORS preflight without a session', async () => {
    const res = await fetch(`${base}/api/uploads`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('tus-version')).toContain('1.0.0');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a second brochure with 409', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const first = await tusUpload(base, cookie, await makePdf(), { applicationId: application.id, slot: 'brochure', filename: '宣传册.pdf' });
    expect(first.ok).toBe(true);
    const second = await create(cookie, { applicationId: application.id, slot: 'brochure', filename: '宣传册2.pdf' }, 1000);
    expect(second).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: '宣传册只能上传一个文件，请先删除已上传的文件' } });
  });

  it("answers 404 to another applicant's HEAD, PATCH and DELETE on an upload, and 401 without a session", async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const created = await create(cookie, { applicationId: application.id, slot: 'narrative', filename: 'a.docx' }, 100);
    expect(created.status).toBe(201);
    const url = new URL(created.location!, base);
    const other = await makeApplicant(t.ctx);
    const tus = { ...t.csrfHeaders(other.cookie), 'tus-resumable': '1.0.0' };
    expect((await fetch(url, { method: 'HEAD', headers: tus })).status).toBe(404);
    const patch = await fetch(url, { method: 'PATCH', headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: Buffer.alloc(100) });
    expect(patch.status).toBe(404);
    expect((await fetch(url, { method: 'DELETE', headers: tus })).status).toBe(404);
    // Someone else's application cannot be the target of a new upload either.
    expect((await create(other.cookie, { applicationId: application.id, slot: 'narrative', filename: 'a.docx' }, 100)).status).toBe(404);
    expect((await fetch(url, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } })).status).toBe(401);
    // The owner still sees it untouched, and may cancel it.
    const own = await fetch(url, { method: 'HEAD', headers: { cookie, 'tus-resumable': '1.0.0' } });
    expect(own.headers.get('upload-offset')).toBe('0');
    expect((await fetch(url, { method: 'DELETE', headers: { ...t.csrfHeaders(cookie), 'tus-resumable': '1.0.0' } })).status).toBe(204);
  });

  it('moves a submitted application to modified and bumps its version', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    await t.ctx.db.update(applications).set({ status: 'submitted', version: 3 }).where(eq(applications.id, application.id));
    const out = await tusUpload(base, cookie, makeDocx(), { applicationId: application.id, slot: 'narrative', filename: '补充.docx' });
    expect(out.ok).toBe(true);
    const [app] = await t.ctx.db.select().from(applications).where(eq(applications.id, application.id));
    expect(app).toMatchObject({ status: 'modified', version: 4 });
  });
});
