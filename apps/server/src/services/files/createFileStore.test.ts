import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env.js';
import { createFileStore } from './createFileStore.js';
import { LocalFileStore } from './LocalFileStore.js';
import { S3FileStore } from './S3FileStore.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-store-choice-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const env = (vars: Record<string, string>) => loadEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, ...vars } as NodeJS.ProcessEnv);
const s3Vars = { FILE_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'fw-files', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true' };

describe('choosing the file store', () => {
  it('keeps files under DATA_DIR by default', () => {
    expect(env({}).FILE_STORE).toBe('local');
    expect(createFileStore(env({}))).toBeInstanceOf(LocalFileStore);
  });

  it('uses the bucket with FILE_STORE=s3 and its settings', () => {
    const e = env(s3Vars);
    expect(e).toMatchObject({ S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true });
    const store = createFileStore(e);
    expect(store).toBeInstanceOf(S3FileStore);
    expect((store as S3FileStore).bucket).toBe('fw-files');
  });

  it.each(['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])('refuses to start with FILE_STORE=s3 but no %s', (name) => {
    const vars: Record<string, string> = { ...s3Vars };
    delete vars[name];
    expect(() => env(vars)).toThrow(new RegExp(`FILE_STORE=s3 needs ${name}`));
  });

  it('refuses an unknown store, a malformed bucket name or endpoint', () => {
    expect(() => env({ FILE_STORE: 'ftp' })).toThrow(/FILE_STORE/);
    expect(() => env({ ...s3Vars, S3_BUCKET: 'My_Bucket' })).toThrow(/S3_BUCKET/);
    expect(() => env({ ...s3Vars, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
  });
});
