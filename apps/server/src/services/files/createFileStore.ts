import type { Env } from '../../env.js';
import type { FileStore } from './FileStore.js';
import { LocalFileStore } from './LocalFileStore.js';
import { S3FileStore } from './S3FileStore.js';

/** The bucket store when FILE_STORE=s3 (env.ts has checked its settings), else null. */
export function objectStoreOf(env: Env): S3FileStore | null {
  if (env.FILE_STORE !== 's3') return null;
  return new S3FileStore({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
}

/** The store chosen by FILE_STORE: a bucket, or folders under DATA_DIR. */
export function createFileStore(env: Env): FileStore {
  return objectStoreOf(env) ?? new LocalFileStore(env.DATA_DIR);
}
