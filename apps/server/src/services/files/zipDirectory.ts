import type { RandomAccess } from './randomAccess.js';

/** One entry as the zip's central directory declares it (nothing is inflated to learn this). */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; others are refused by the checks. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX32 = 0xffffffff;

/**
 * Reads the central directory. `maxEntries` bounds the work before the directory is read: an archive
 * declaring more entries is reported through `declaredEntries` without listing them.
 */
export async function readZipDirectory(src: RandomAccess, maxEntries: number): Promise<{ declaredEntries: number; entries: ZipEntry[] }> {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const tailLen = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);

  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR_SIG) throw new ZipFormatError('zip64 locator missing');
    const z64 = await src.read(Number(tail.readBigUInt64LE(locatorAt + 8)), 56);
    if (z64.length < 56 || z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new ZipFormatError('zip64 end record missing');
    count = safeNumber(z64.readBigUInt64LE(32));
    cdSize = safeNumber(z64.readBigUInt64LE(40));
    cdOffset = safeNumber(z64.readBigUInt64LE(48));
  }
  if (count > maxEntries) return { declaredEntries: count, entries: [] };
  if (cdOffset + cdSize > src.size) throw new ZipFormatError('central directory outside the file');

  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  while (entries.length < count) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipFormatError('bad central directory entry');
    const flags = cd.readUInt16LE(p + 8);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen > cd.length) throw new ZipFormatError('truncated central directory');
    // Bit 11: UTF-8 names. Older tools write the local code page; latin1 keeps every byte visible for the path checks.
    const rawName = cd.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1');
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    if (compressedSize === MAX32 || uncompressedSize === MAX32 || localHeaderOffset === MAX32) {
      // Zip64 extra field (id 1): only the fields that overflowed are present, in this order.
      const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      let q = 0;
      while (q + 4 <= extra.length) {
        const id = extra.readUInt16LE(q);
        const len = extra.readUInt16LE(q + 2);
        if (id === 1) {
          let f = q + 4;
          const next = () => {
            if (f + 8 > q + 4 + len) throw new ZipFormatError('short zip64 extra field');
            const v = safeNumber(extra.readBigUInt64LE(f));
            f += 8;
            return v;
          };
          if (uncompressedSize === MAX32) uncompressedSize = next();
          if (compressedSize === MAX32) compressedSize = next();
          if (localHeaderOffset === MAX32) localHeaderOffset = next();
          break;
        }
        q += 4 + len;
      }
    }
    entries.push({ name, method: cd.readUInt16LE(p + 10), encrypted: (flags & 1) === 1, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { declaredEntries: count, entries };
}

/** Where an entry's compressed bytes begin (after its local header, whose name/extra lengths may differ). */
export async function entryDataOffset(src: RandomAccess, entry: ZipEntry): Promise<number> {
  const h = await src.read(entry.localHeaderOffset, 30);
  if (h.length < 30 || h.readUInt32LE(0) !== LOCAL_SIG) throw new ZipFormatError('bad local header');
  const start = entry.localHeaderOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  if (start + entry.compressedSize > src.size) throw new ZipFormatError('entry outside the file');
  return start;
}

function safeNumber(v: bigint): number {
  // Anything beyond 2^53 is absurd for our limits; clamp so the size checks refuse it.
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}
