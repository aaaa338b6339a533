import crypto from 'node:crypto';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { MB } from '@fw/shared';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplication } from '../../test/factories.js';
import { listenLocal, tusUpload } from '../../test/tusClient.js';
import { files } from '../../db/schema/index.js';
import { makePdf } from '../../services/documents/sampleDocuments.js';
import { LocalFileStore } from '../../services/files/LocalFileStore.js';
import { STORAGE_FULL_MESSAGE } from '../../services/files/storageFull.js';

/** Mounts a tmpfs of `size` over `dir` (needs root); false when this machine does not allow it. */
function mountTiny(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const unmount = (dir: string) => execFileSync('umount', [dir], { stdio: 'ignore' });

// A real full disk: a tmpfs of a few MB mounted over one of the store's folders. Skipped (with this
// reason) only where mounting is not permitted, i.e. when the tests do not run as root.
const probe = fs.mkdtempSync('/tmp/fw-mount-probe-');
const canMount = mountTiny(probe, '64k');
if (canMount) unmount(probe);
fs.rmSync(probe, { recursive: true, force: true });
if (!canMount) console.warn('disk-full tests skipped: mounting a tmpfs is not permitted here (not root)');

const pdfOf = async (bytes: number) => {
  const pdf = await makePdf();
  return Buffer.concat([pdf, crypto.randomBytes(bytes - pdf.length)]);
};
const meta = (applicationId: string, filename = '宣传册.pdf') => ({ applicationId, slot: 'brochure', filename, filetype: 'application/pdf' });
const storeOf = (t: TestServer) => t.ctx.files as LocalFileStore;
const filesDirOf = (t: TestServer) => storeOf(t).uploadDir.replace(/uploads$/, 'files');

describe.skipIf(!canMount)('a full disk while the bytes arrive (upload folder on a 2 MB tmpfs)', () => {
  let t: TestServer;
  let base: string;
  let mounted = '';

  beforeAll(async () => {
    t = await getTestServer();
    base = await listenLocal(t.app);
    expect(mountTiny(storeOf(t).uploadDir, '2m')).toBe(true);
    mounted = storeOf(t).uploadDir;
  });
  afterAll(async () => {
    if (mounted) unmount(mounted);
    await t.close();
  });

  it('answers 507 STORAGE_FULL in Chinese, keeps neither the partial bytes nor a row, and goes on serving', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const out = await tusUpload(base, cookie, await pdfOf(3 * MB), meta(application.id));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.status).toBe(507);
    expect(out.body).toEqual({ code: 'STORAGE_FULL', message: STORAGE_FULL_MESSAGE });

    // The partial upload was removed to give the space back (a retry starts over).
    const id = (out.error as { originalRequest?: { getURL(): string } }).originalRequest?.getURL().split('/').pop();
    expect(await t.ctx.files.hasUpload(id!)).toBe(false);
    expect(fs.readdirSync(storeOf(t).uploadDir)).toEqual([]);
    expect(await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id))).toHaveLength(0);

    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const small = await pdfOf(512 * 1024);
    const next = await tusUpload(base, cookie, small, meta(application.id));
    expect(next.ok && next.file.size).toBe(small.length);
  }, 60_000);
});

describe.skipIf(!canMount)('a full disk while a finished upload is moved into storage (files folder on a 1 MB tmpfs)', () => {
  let t: TestServer;
  let base: string;
  let mounted = '';

  beforeAll(async () => {
    t = await getTestServer();
    base = await listenLocal(t.app);
    expect(mountTiny(filesDirOf(t), '1m')).toBe(true);
    mounted = filesDirOf(t);
  });
  afterAll(async () => {
    if (mounted) unmount(mounted);
    await t.close();
  });

  it('answers 507 when the copy fails midway, leaving no row, no half file and no upload', async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const out = await tusUpload(base, cookie, await pdfOf(2 * MB), meta(application.id));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.status).toBe(507);
    expect(out.body).toEqual({ code: 'STORAGE_FULL', message: STORAGE_FULL_MESSAGE });
    expect(await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id))).toHaveLength(0);
    expect(fs.readdirSync(filesDirOf(t))).toEqual([]);
    const id = (out.error as { originalRequest?: { getURL(): string } }).originalRequest?.getURL().split('/').pop();
    expect(await t.ctx.files.hasUpload(id!)).toBe(false);

    // A file that fits is copied across the two filesystems and stored whole.
    const small = await pdfOf(300 * 1024);
    const next = await tusUpload(base, cookie, small, meta(application.id));
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, next.file.id));
    expect(fs.readdirSync(filesDirOf(t))).toEqual([row!.storageKey]);
    expect(next.file.sha256).toBe(crypto.createHash('sha256').update(small).digest('hex'));
  }, 60_000);
});
