import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { MB } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplication } from '../../test/factories.js';
import { makePng } from '../../test/documents.js';
import { listenLocal, startTusUpload, tusUpload } from '../../test/tusClient.js';
import { startS3Server, type S3TestServer } from '../../test/s3Server.js';
import { files } from '../../db/schema/index.js';
import { makePdf } from '../../services/documents/sampleDocuments.js';
import { makeDocxBomb } from '../../services/documents/hostileDocuments.js';
import { S3FileStore } from '../../services/files/S3FileStore.js';
import { buildApp, type App } from '../../app.js';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const uploadIdOf = (out: { error: Error }) => (out.error as { originalRequest?: { getURL(): string } }).originalRequest?.getURL().split('/').pop() ?? '';

let s3: S3TestServer;
let t: TestServer;
let base: string;

beforeAll(async () => {
  s3 = await startS3Server(['fw-files']);
  t = await getTestServer({
    FILE_STORE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'fw-files',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: true,
  });
  base = await listenLocal(t.app);
});
afterAll(async () => {
  await t.close();
  await s3.close();
});

describe('uploads into an S3-compatible bucket', () => {
  it('uses the bucket store chosen by FILE_STORE=s3', () => {
    expect(t.ctx.files).toBeInstanceOf(S3FileStore);
  });

  it('resumes a 14 MB upload sent as S3 multipart parts, serves the exact bytes and deletes them', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const pdf = await makePdf();
    const source = Buffer.concat([pdf, crypto.randomBytes(14 * MB - pdf.length)]);
    const meta = { applicationId: application.id, slot: 'brochure', filename: '企业宣传册.pdf', filetype: 'application/pdf' };

    let acceptedAtAbort = 0;
    const first = startTusUpload(base, cookie, source, meta, {
      chunkSize: 6 * MB,
      onChunkComplete: (_size, accepted) => {
        if (!acceptedAtAbort) {
          acceptedAtAbort = accepted;
          void first.upload.abort();
        }
      },
    });
    await expect.poll(() => acceptedAtAbort, { timeout: 30_000 }).toBeGreaterThan(0);
    const url = first.upload.url!;
    const id = url.split('/').pop()!;
    expect(await t.ctx.files.hasUpload(id)).toBe(true);

    // Another instance on the same bucket would answer the same: the offset is read from S3.
    const head = await fetch(url, { method: 'HEAD', headers: { cookie, 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(acceptedAtAbort);

    const sent = s3.operations.length;
    const resumed = await tusUpload(base, cookie, source, meta, { uploadUrl: url, chunkSize: 6 * MB });
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.file).toMatchObject({ size: source.length, sha256: sha(source) });
    expect(await t.ctx.files.hasUpload(id)).toBe(false);
    // The resume asked S3 which parts it had, sent the rest as parts (5 MiB each at least) and completed them.
    const resumeOps = s3.operations.slice(sent);
    expect(resumeOps).toContain('ListParts');
    expect(s3.operations.filter((op) => op === 'UploadPart').length).toBeGreaterThanOrEqual(3);
    expect(resumeOps.at(-1)).toBe('CompleteMultipartUpload');

    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, resumed.file.id));
    expect(await t.ctx.files.keys()).toContain(row!.storageKey);
    const download = await fetch(`${base}/api/applications/${application.id}/files/${row!.id}/download`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(sha(Buffer.from(await download.arrayBuffer()))).toBe(sha(source));

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/applications/${application.id}/files/${row!.id}`, headers: { cookie } });
    expect(removed.statusCode).toBe(204);
    expect(await t.ctx.files.keys()).not.toContain(row!.storageKey);
    await expect(t.ctx.files.size(row!.storageKey)).rejects.toThrow();
  }, 90_000);

  it('refuses a PNG named .pdf with 415 and keeps nothing in the bucket', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const before = await t.ctx.files.keys();
    const out = await tusUpload(base, cookie, makePng(), { applicationId: application.id, slot: 'supporting', filename: '证书.pdf' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.status).toBe(415);
    expect(out.body).toMatchObject({ code: 'UNSUPPORTED_FILE', message: '文件内容与扩展名不符' });
    expect(await t.ctx.files.hasUpload(uploadIdOf(out))).toBe(false);
    expect(await t.ctx.files.keys()).toEqual(before);
    expect(await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id))).toHaveLength(0);
  });

  it('refuses a compression bomb read back from the bucket with 415 and keeps nothing', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const out = await tusUpload(base, cookie, makeDocxBomb(40), { applicationId: application.id, slot: 'narrative', filename: '申报说明.docx' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.status).toBe(415);
    expect(out.body?.message).toBe('文件压缩比异常（超过100倍），疑似压缩炸弹，已拒绝');
    expect(await t.ctx.files.hasUpload(uploadIdOf(out))).toBe(false);
    expect(await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id))).toHaveLength(0);
  });

  it('resumes through a second instance on the same bucket, after which neither instance knows the upload', async () => {
    // A second app instance: its own tus server and store object, the same database and bucket.
    const other: App = await buildApp({ ...t.ctx, files: new S3FileStore(s3.settings('fw-files')) }, { logger: false, rateLimitNameSpace: `fw-test-other-${crypto.randomUUID()}-` });
    try {
      const otherBase = await listenLocal(other);
      const { application, cookie } = await makeApplication(t.ctx);
      const source = Buffer.concat([await makePdf(), crypto.randomBytes(11 * MB)]);
      const meta = { applicationId: application.id, slot: 'brochure', filename: '宣传册.pdf', filetype: 'application/pdf' };
      let stopped = false;
      const first = startTusUpload(base, cookie, source, meta, {
        chunkSize: 6 * MB,
        onChunkComplete: () => {
          stopped = true;
          void first.upload.abort();
        },
      });
      await expect.poll(() => stopped, { timeout: 30_000 }).toBe(true);
      const onOther = first.upload.url!.replace(base, otherBase);

      const resumed = await tusUpload(otherBase, cookie, source, meta, { uploadUrl: onOther, chunkSize: 6 * MB });
      expect(resumed.ok && resumed.file.sha256).toBe(sha(source));
      for (const url of [first.upload.url!, onOther]) {
        const head = await fetch(url, { method: 'HEAD', headers: { cookie, 'tus-resumable': '1.0.0' } });
        expect(head.status).toBe(404);
      }
    } finally {
      await other.close();
    }
  }, 90_000);

  it('cancels an unfinished upload: the multipart upload and its objects are gone', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const source = Buffer.concat([await makePdf(), crypto.randomBytes(7 * MB)]);
    let stopped = false;
    const first = startTusUpload(base, cookie, source, { applicationId: application.id, slot: 'brochure', filename: '宣传册.pdf' }, {
      chunkSize: 6 * MB,
      onChunkComplete: () => {
        stopped = true;
        void first.upload.abort();
      },
    });
    await expect.poll(() => stopped, { timeout: 30_000 }).toBe(true);
    const id = first.upload.url!.split('/').pop()!;
    expect(await t.ctx.files.hasUpload(id)).toBe(true);
    const res = await fetch(first.upload.url!, { method: 'DELETE', headers: { ...t.csrfHeaders(cookie), 'tus-resumable': '1.0.0' } });
    expect(res.status).toBe(204);
    expect(await t.ctx.files.hasUpload(id)).toBe(false);
  }, 60_000);
});
