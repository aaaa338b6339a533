import type { Readable } from 'node:stream';

/** Where uploaded bytes live; the default is a folder under DATA_DIR. */
export interface FileStore {
  /** The folder the tus server writes unfinished uploads into. */
  readonly uploadDir: string;
  /** Moves a finished upload into permanent storage and returns its key. */
  adopt(uploadId: string): Promise<string>;
  open(key: string): Readable;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
}
