import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FileStore } from './FileStore.js';

/** Files on local disk: unfinished tus uploads in `uploads/`, finished files under random names in `files/`. */
export class LocalFileStore implements FileStore {
  readonly uploadDir: string;
  private readonly fileDir: string;

  constructor(dataDir: string) {
    this.uploadDir = path.join(dataDir, 'uploads');
    this.fileDir = path.join(dataDir, 'files');
    fs.mkdirSync(this.uploadDir, { recursive: true });
    fs.mkdirSync(this.fileDir, { recursive: true });
  }

  async adopt(uploadId: string): Promise<string> {
    const key = `${crypto.randomUUID()}`;
    await fs.promises.rename(path.join(this.uploadDir, uploadId), this.pathOf(key));
    await fs.promises.rm(path.join(this.uploadDir, `${uploadId}.json`), { force: true });
    return key;
  }

  open(key: string): Readable {
    return fs.createReadStream(this.pathOf(key));
  }

  async size(key: string): Promise<number> {
    return (await fs.promises.stat(this.pathOf(key))).size;
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return path.join(this.fileDir, key);
  }
}
