import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { FileView } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, makeApplication, makeCompleteApplication, makeRound } from '../../test/factories.js';
import { makeDocx, makePdf } from '../../test/documents.js';
import { listenLocal, tusUpload } from '../../test/tusClient.js';
import { applications, auditEvents, files } from '../../db/schema/index.js';

let t: TestServer;
let base: string;

beforeAll(async () => {
  t = await getTestServer();
  base = await listenLocal(t.app);
});
afterAll(() => t.close());

async function uploaded(cookie: string, applicationId: string, bytes: Buffer, slot: string, filename: string): Promise<FileView> {
  const out = await tusUpload(base, cookie, bytes, { applicationId, slot, filename });
  if (!out.ok) throw new Error(`upload failed: ${out.status} ${JSON.stringify(out.body)}`);
  return out.file;
}

describe('application files', () => {
  it('lists the files and downloads identical bytes as a safe attachment', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const docx = makeDocx('正文');
    const pdf = await makePdf();
    const a = await uploaded(cookie, application.id, docx, 'narrative', '申报书 (终稿).docx');
    const b = await uploaded(cookie, application.id, pdf, 'supporting', 'certificate.pdf');

    const list = await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files`, headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json<FileView[]>().map((f) => f.id)).toEqual([a.id, b.id]);

    const res = await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files/${a.id}/download`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(docx)).toBe(true);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___ (__).docx"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6%20%28%E7%BB%88%E7%A8%BF%29.docx`,
    );

    const pdfRes = await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files/${b.id}/download`, headers: { cookie } });
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(crypto.createHash('sha256').update(pdfRes.rawPayload).digest('hex')).toBe(b.sha256);
  });

  it("answers 404 to another applicant's list, download and delete", async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const f = await uploaded(cookie, application.id, makeDocx(), 'narrative', 'a.docx');
    const other = await makeApplication(t.ctx);
    const headers = { cookie: other.cookie };
    for (const [method, url] of [
      ['GET', `/api/applications/${application.id}/files`],
      ['GET', `/api/applications/${application.id}/files/${f.id}/download`],
      ['DELETE', `/api/applications/${application.id}/files/${f.id}`],
      // A file id under the other applicant's own application is no better.
      ['GET', `/api/applications/${other.application.id}/files/${f.id}/download`],
      ['DELETE', `/api/applications/${other.application.id}/files/${f.id}`],
    ] as const) {
      const res = await t.app.inject({ method, url, headers });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const still = await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files`, headers: { cookie } });
    expect(still.json()).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files` })).statusCode).toBe(401);
  });

  it('deletes a file: gone from the list, row kept with deletedAt, bytes removed, audited, submitted → modified', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const f = await uploaded(cookie, application.id, makeDocx(), 'narrative', 'a.docx');
    await t.ctx.db.update(applications).set({ status: 'submitted' }).where(eq(applications.id, application.id));

    const del = await t.app.inject({ method: 'DELETE', url: `/api/applications/${application.id}/files/${f.id}`, headers: { cookie } });
    expect(del.statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files`, headers: { cookie } });
    expect(list.json()).toEqual([]);

    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, f.id));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    await expect(t.ctx.files.size(row!.storageKey)).rejects.toThrow();
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'file.delete'), eq(auditEvents.subjectId, application.id)));
    expect(audit).toHaveLength(1);
    const [app] = await t.ctx.db.select().from(applications).where(eq(applications.id, application.id));
    expect(app!.status).toBe('modified');

    const again = await t.app.inject({ method: 'DELETE', url: `/api/applications/${application.id}/files/${f.id}`, headers: { cookie } });
    expect(again.statusCode).toBe(404);
    const download = await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files/${f.id}/download`, headers: { cookie } });
    expect(download.statusCode).toBe(404);
  });

  it('keeps the bytes of a deleted file that a submission lists, so the submitted version stays readable', async () => {
    const { application, cookie } = await makeCompleteApplication(t.ctx);
    const submitted = await t.app.inject({ method: 'POST', url: `/api/applications/${application.id}/submit`, headers: { cookie }, payload: { idempotencyKey: 'keep-bytes-submit' } });
    expect(submitted.statusCode).toBe(200);
    const [f] = (await t.app.inject({ method: 'GET', url: `/api/applications/${application.id}/files`, headers: { cookie } })).json() as FileView[];
    expect((await t.app.inject({ method: 'DELETE', url: `/api/applications/${application.id}/files/${f!.id}`, headers: { cookie } })).statusCode).toBe(204);
    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, f!.id));
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(await t.ctx.files.size(row!.storageKey)).toBe(f!.size);
  });

  it('lets the brochure slot take a new file once the old one is deleted', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const first = await uploaded(cookie, application.id, await makePdf(), 'brochure', '宣传册.pdf');
    await t.app.inject({ method: 'DELETE', url: `/api/applications/${application.id}/files/${first.id}`, headers: { cookie } });
    const second = await uploaded(cookie, application.id, await makePdf('v2'), 'brochure', '宣传册v2.pdf');
    expect(second.slot).toBe('brochure');
  });

  it('refuses to delete after the deadline with 403', async () => {
    const round = await makeRound(t.ctx, { closesAt: new Date(Date.now() + 60_000) });
    const { application, cookie } = await makeApplication(t.ctx, { roundId: round.id });
    const f = await uploaded(cookie, application.id, makeDocx(), 'narrative', 'a.docx');
    t.setNow(new Date(Date.now() + 120_000));
    try {
      const res = await t.app.inject({ method: 'DELETE', url: `/api/applications/${application.id}/files/${f.id}`, headers: { cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'DEADLINE_PASSED' });
    } finally {
      t.setNow(null);
    }
  });

  it('validates ids and documents the routes in OpenAPI', async () => {
    const { cookie } = await makeApplicant(t.ctx);
    const bad = await t.app.inject({ method: 'GET', url: '/api/applications/not-a-uuid/files', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/uploads',
      '/api/uploads/{uploadId}',
      '/api/applications/{id}/files',
      '/api/applications/{id}/files/{fileId}/download',
      '/api/applications/{id}/files/{fileId}',
    ]));
  });
});
