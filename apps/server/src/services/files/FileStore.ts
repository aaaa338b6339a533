import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';

/**
 * Where uploaded bytes live: a folder under DATA_DIR (LocalFileStore) or an S3-compatible bucket
 * (S3FileStore). Unfinished uploads belong to the store's tus datastore; a finished upload is checked
 * through a local file, then adopted under a random key that the files table records.
 */
export interface FileStore {
  /** The tus datastore holding unfinished uploads; the tus server knows no more about the store than this. */
  createTusDatastore(): DataStore;
  /** Runs `use` on a local file with a finished upload's bytes: the upload itself on disk, or a temporary copy. */
  withUploadFile<T>(uploadId: string, use: (filePath: string) => Promise<T>): Promise<T>;
  /** Whether anything of this upload (bytes or its tus metadata) is still kept. */
  hasUpload(uploadId: string): Promise<boolean>;
  /** Discards an upload, finished or not, so that a retry starts over. */
  discardUpload(uploadId: string): Promise<void>;
  /** Moves a finished upload into permanent storage and returns its key; if it fails, nothing is kept under a key. */
  adopt(uploadId: string): Promise<string>;
  /** Stores bytes directly (demo data, tests) and returns their new key. */
  put(bytes: Buffer): Promise<string>;
  /** Stores a local file under a given key (restoring a backup). */
  importFile(filePath: string, key: string): Promise<void>;
  /** Copies a stored file to a local path (taking a backup); false when the key is gone. */
  exportFile(key: string, filePath: string): Promise<boolean>;
  /** Every stored key (taking a backup). */
  keys(): Promise<string[]>;
  open(key: string): Readable;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
}

/** Keys are random UUIDs; anything else is refused before it can name a path or an object. */
export function assertStorageKey(key: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key)) throw new Error('bad storage key');
}

/** tus upload ids as the tus server makes them (32 hex characters). */
export function assertUploadId(id: string): void {
  if (!/^[0-9a-f]{32}$/.test(id)) throw new Error('bad upload id');
}
