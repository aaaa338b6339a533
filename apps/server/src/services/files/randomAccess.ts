import fs from 'node:fs';

/** Bytes that can be read at any offset: a file on disk, or an archive held in memory. */
export interface RandomAccess {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end). */
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferAccess(buf: Buffer): RandomAccess {
  return {
    size: buf.length,
    read: async (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
  };
}

/** Opens a file for positional reads; the caller closes it. */
export async function openFileAccess(filePath: string): Promise<RandomAccess & { close(): Promise<void> }> {
  const handle = await fs.promises.open(filePath, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(n);
      if (n > 0) await handle.read(buf, 0, n, offset);
      return buf;
    },
    close: () => handle.close(),
  };
}
