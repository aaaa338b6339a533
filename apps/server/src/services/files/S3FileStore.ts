import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NoSuchKey, NotFound, S3, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3Store, type MetadataValue } from '@tus/s3-store';
import type { DataStore, KvStore } from '@tus/server';
import { assertStorageKey, assertUploadId, type FileStore } from './FileStore.js';

export interface S3Settings {
  /** The service's address (MinIO, OSS, COS …); absent means AWS S3 itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket in the path (http://host/bucket/key) rather than the host name: MinIO and most local services. */
  forcePathStyle: boolean;
  /** The size of the parts a tus upload is sent to S3 in (at least 5 MiB, S3's minimum). */
  partSize?: number;
}

/** Finished files live under this prefix; tus keeps unfinished uploads at the bucket's top level (<id>, <id>.info, <id>.part). */
const FILES_PREFIX = 'files/';
const PART_SIZE = 8 * 1024 * 1024;

/**
 * @tus/s3-store caches each upload's .info per process. With several instances a cached entry outlives an
 * upload another instance adopted or discarded (it would then answer "complete" for a deleted upload), so
 * every request reads the small .info object from the bucket instead.
 */
const NO_CACHE: KvStore<MetadataValue> = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
};

const isMissing = (err: unknown) =>
  err instanceof NoSuchKey || err instanceof NotFound || (err as { name?: string })?.name === 'NoSuchUpload' || (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/**
 * Files in an S3-compatible bucket. Unfinished uploads are S3 multipart uploads driven by @tus/s3-store,
 * so any instance sharing the bucket can resume them; a finished upload is copied under files/<key>.
 */
export class S3FileStore implements FileStore {
  private readonly client: S3;
  private readonly clientConfig: S3ClientConfig;

  constructor(private readonly settings: S3Settings) {
    this.clientConfig = {
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible services do not accept the SDK's
      // default streaming (aws-chunked) checksums, and the SHA-256 of each file is checked by the app.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    this.client = new S3(this.clientConfig);
  }

  get bucket(): string {
    return this.settings.bucket;
  }

  createTusDatastore(): DataStore {
    return new S3Store({
      partSize: this.settings.partSize ?? PART_SIZE,
      cache: NO_CACHE,
      s3ClientConfig: { ...this.clientConfig, bucket: this.bucket },
    });
  }

  async withUploadFile<T>(uploadId: string, use: (filePath: string) => Promise<T>): Promise<T> {
    assertUploadId(uploadId);
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'fw-upload-'));
    try {
      const file = path.join(dir, uploadId);
      const { Body } = await this.client.getObject({ Bucket: this.bucket, Key: uploadId });
      await pipeline(Body as Readable, fs.createWriteStream(file));
      return await use(file);
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  async hasUpload(uploadId: string): Promise<boolean> {
    assertUploadId(uploadId);
    for (const key of [uploadId, `${uploadId}.info`, `${uploadId}.part`]) {
      if (await this.exists(key)) return true;
    }
    return false;
  }

  async discardUpload(uploadId: string): Promise<void> {
    assertUploadId(uploadId);
    // An unfinished upload is an open multipart upload; its id is kept in the .info object's metadata.
    const multipartId = await this.client
      .headObject({ Bucket: this.bucket, Key: `${uploadId}.info` })
      .then((r) => r.Metadata?.['upload-id'])
      .catch((err) => (isMissing(err) ? undefined : Promise.reject(err)));
    if (multipartId) {
      await this.client.abortMultipartUpload({ Bucket: this.bucket, Key: uploadId, UploadId: multipartId }).catch((err) => {
        if (!isMissing(err)) throw err;
      });
    }
    await this.deleteKeys([uploadId, `${uploadId}.info`, `${uploadId}.part`]);
  }

  async adopt(uploadId: string): Promise<string> {
    assertUploadId(uploadId);
    const key = crypto.randomUUID();
    try {
      await this.client.copyObject({ Bucket: this.bucket, Key: FILES_PREFIX + key, CopySource: `${this.bucket}/${uploadId}` });
      await this.deleteKeys([uploadId, `${uploadId}.info`, `${uploadId}.part`]);
    } catch (err) {
      await this.client.deleteObject({ Bucket: this.bucket, Key: FILES_PREFIX + key }).catch(() => undefined);
      throw err;
    }
    return key;
  }

  async put(bytes: Buffer): Promise<string> {
    const key = crypto.randomUUID();
    await this.client.putObject({ Bucket: this.bucket, Key: FILES_PREFIX + key, Body: bytes });
    return key;
  }

  async importFile(filePath: string, key: string): Promise<void> {
    assertStorageKey(key);
    const { size } = await fs.promises.stat(filePath);
    await this.client.putObject({ Bucket: this.bucket, Key: FILES_PREFIX + key, Body: fs.createReadStream(filePath), ContentLength: size });
  }

  async exportFile(key: string, filePath: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      const { Body } = await this.client.getObject({ Bucket: this.bucket, Key: FILES_PREFIX + key });
      await pipeline(Body as Readable, fs.createWriteStream(filePath));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async keys(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.listObjectsV2({ Bucket: this.bucket, Prefix: FILES_PREFIX, ContinuationToken: token });
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key.slice(FILES_PREFIX.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  open(key: string): Readable {
    assertStorageKey(key);
    // Callers want a stream at once; the object's body is piped in when S3 answers.
    const out = new PassThrough();
    this.client
      .getObject({ Bucket: this.bucket, Key: FILES_PREFIX + key })
      .then(({ Body }) => pipeline(Body as Readable, out))
      .catch((err: Error) => out.destroy(err));
    return out;
  }

  async size(key: string): Promise<number> {
    assertStorageKey(key);
    const head = await this.client.headObject({ Bucket: this.bucket, Key: FILES_PREFIX + key });
    return head.ContentLength ?? 0;
  }

  async remove(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.deleteObject({ Bucket: this.bucket, Key: FILES_PREFIX + key });
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.headObject({ Bucket: this.bucket, Key: key });
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  private async deleteKeys(keys: string[]): Promise<void> {
    // One DeleteObject each: deleting an absent key succeeds, and not every S3-compatible service has DeleteObjects.
    await Promise.all(keys.map((Key) => this.client.deleteObject({ Bucket: this.bucket, Key })));
  }
}
