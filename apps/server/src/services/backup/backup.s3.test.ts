import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env.js';
import { createContext } from '../../createContext.js';
import { seedDemo } from '../../db/seed/demo.js';
import { startS3Server, type S3TestServer } from '../../test/s3Server.js';
import { S3FileStore } from '../files/S3FileStore.js';
import type { FileStore } from '../files/FileStore.js';
import { sha256Of } from '../../commands/uploads/sha256File.js';
import { createBackup } from './createBackup.js';
import { restoreBackup } from './restoreBackup.js';
import { storedFileHashes } from './roundTrip.js';

async function bucketHashes(store: FileStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of await store.keys()) out[key] = await sha256Of(store.open(key));
  return out;
}

// The embedded-database run of the suite (as backup.pglite.test.ts); the files come from and go to buckets.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup and restore with the files in an S3 bucket', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-backup-s3-'));
  const source = path.join(root, 'source');
  let s3: S3TestServer;
  let sourceStore: S3FileStore;
  let archive = '';

  beforeAll(async () => {
    s3 = await startS3Server(['source-files', 'restored-files']);
    const settings = s3.settings('source-files');
    const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, {
      DATA_DIR: source,
      DATABASE_URL: undefined,
      FILE_STORE: 's3',
      S3_ENDPOINT: settings.endpoint,
      S3_BUCKET: settings.bucket,
      S3_ACCESS_KEY_ID: settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
      S3_FORCE_PATH_STYLE: true,
    });
    const { ctx, close } = await createContext(env);
    await seedDemo(ctx);
    await close();
    sourceStore = new S3FileStore(settings);
  }, 120_000);
  afterAll(async () => {
    await s3.close();
    process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  });

  it('archives every file of the bucket with its hash, and nothing is stored under DATA_DIR', async () => {
    const inBucket = await bucketHashes(sourceStore);
    expect(Object.keys(inBucket).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(source, 'files'))).toBe(false);

    const result = await createBackup({ dataDir: source, files: sourceStore });
    archive = result.archive;
    expect(result.manifest.missingStoredFiles).toEqual([]);
    for (const [key, sha] of Object.entries(inBucket)) expect(result.manifest.files[`files/${key}`]?.sha256).toBe(sha);
  });

  it('restores into an empty bucket with every key and hash equal', async () => {
    const target = new S3FileStore(s3.settings('restored-files'));
    const result = await restoreBackup({ archive, dataDir: path.join(root, 'restored'), files: target });
    expect(result.filesVerified).toBeGreaterThan(1);
    expect(await bucketHashes(target)).toEqual(await bucketHashes(sourceStore));
    expect(fs.readdirSync(path.join(root, 'restored'))).toEqual(['pglite']);
  });

  it('restores the same archive into local folders too', async () => {
    const dataDir = path.join(root, 'local');
    await restoreBackup({ archive, dataDir });
    expect(await storedFileHashes(dataDir)).toEqual(await bucketHashes(sourceStore));
  });

  it('refuses a bucket that already holds files, touching neither it nor the directory', async () => {
    const before = await bucketHashes(sourceStore);
    const dataDir = path.join(root, 'refused');
    await expect(restoreBackup({ archive, dataDir, files: sourceStore })).rejects.toThrow(/empty bucket/);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(await bucketHashes(sourceStore)).toEqual(before);
  });
});
