import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { FileStore as TusFileStore } from '@tus/file-store';
import type { DataStore } from '@tus/server';
import { assertStorageKey, assertUploadId, type FileStore } from './FileStore.js';

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

  createTusDatastore(): DataStore {
    return new TusFileStore({ directory: this.uploadDir });
  }

  async withUploadFile<T>(uploadId: string, use: (filePath: string) => Promise<T>): Promise<T> {
    return use(this.uploadPath(uploadId));
  }

  async hasUpload(uploadId: string): Promise<boolean> {
    const p = this.uploadPath(uploadId);
    return fs.existsSync(p) || fs.existsSync(`${p}.json`);
  }

  async discardUpload(uploadId: string): Promise<void> {
    const p = this.uploadPath(uploadId);
    await fs.promises.rm(p, { force: true });
    await fs.promises.rm(`${p}.json`, { force: true });
  }

  async adopt(uploadId: string): Promise<string> {
    const key = crypto.randomUUID();
    await this.moveIn(this.uploadPath(uploadId), key);
    await fs.promises.rm(`${this.uploadPath(uploadId)}.json`, { force: true });
    return key;
  }

  async put(bytes: Buffer): Promise<string> {
    const key = crypto.randomUUID();
    await this.writeAtomically(key, (tmp) => fs.promises.writeFile(tmp, bytes, { flag: 'wx' }));
    return key;
  }

  async importFile(filePath: string, key: string): Promise<void> {
    assertStorageKey(key);
    await this.writeAtomically(key, (tmp) => fs.promises.copyFile(filePath, tmp, fs.constants.COPYFILE_EXCL));
  }

  async exportFile(key: string, filePath: string): Promise<boolean> {
    try {
      // A hard link costs no space; another filesystem gets a copy.
      await fs.promises.link(this.pathOf(key), filePath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      try {
        await fs.promises.copyFile(this.pathOf(key), filePath);
      } catch (copyErr) {
        if ((copyErr as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw copyErr;
      }
    }
    return true;
  }

  async keys(): Promise<string[]> {
    const entries = await fs.promises.readdir(this.fileDir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
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

  /**
   * A rename when uploads/ and files/ share a filesystem; otherwise a copy under a temporary name,
   * renamed when complete, so a copy that fails midway (a full disk) leaves nothing under the key.
   */
  private async moveIn(from: string, key: string): Promise<void> {
    try {
      await fs.promises.rename(from, this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await this.writeAtomically(key, (tmp) => fs.promises.copyFile(from, tmp, fs.constants.COPYFILE_EXCL));
      await fs.promises.rm(from, { force: true });
    }
  }

  private async writeAtomically(key: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const tmp = path.join(this.fileDir, `.${key}.partial`);
    try {
      await write(tmp);
      await fs.promises.rename(tmp, this.pathOf(key));
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
  }

  private uploadPath(uploadId: string): string {
    assertUploadId(uploadId);
    return path.join(this.uploadDir, uploadId);
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.fileDir, key);
  }
}
