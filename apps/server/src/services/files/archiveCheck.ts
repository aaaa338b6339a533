import { Inflate } from 'fflate';
import { MB } from '@fw/shared';
import { bufferAccess, type RandomAccess } from './randomAccess.js';
import { entryDataOffset, readZipDirectory, ZipFormatError, type ZipEntry } from './zipDirectory.js';

/** What a zip-based upload (docx) may contain; a real Word document is far below every bound. */
export const ARCHIVE_LIMITS = {
  maxEntries: 2000,
  maxTotalBytes: 200 * MB,
  maxRatio: 100,
  /** Small entries cannot hurt whatever their ratio (a page of spaces compresses 500×). */
  ratioFloorBytes: 1 * MB,
  /** The upload itself is depth 0; an embedded workbook (depth 1) is normal, an archive inside it is not. */
  maxDepth: 1,
  /** A nested zip is inflated into memory to read its directory; larger ones are refused. */
  maxNestedBytes: 64 * MB,
};
export type ArchiveLimits = typeof ARCHIVE_LIMITS;

export type ArchiveProblemCode = 'TOO_MANY_ENTRIES' | 'TOO_LARGE' | 'RATIO' | 'NESTED' | 'PATH' | 'CORRUPT';
export interface ArchiveProblem {
  code: ArchiveProblemCode;
  /** The offending entry's name, for the log and the answer. */
  entry?: string;
}

interface Budget {
  entries: number;
  bytes: number;
}

/**
 * Checks a zip without inflating it: the central directory's declared counts, sizes, ratios and
 * names, then the first bytes of each entry to find archives inside. Only a nested zip is inflated
 * (bounded) to read its own directory. Returns the first problem, or null when the archive is sound.
 */
export async function inspectArchive(src: RandomAccess, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<ArchiveProblem | null> {
  try {
    return await inspectAt(src, 0, { entries: 0, bytes: 0 }, limits);
  } catch (err) {
    if (err instanceof ZipFormatError) return { code: 'CORRUPT' };
    throw err;
  }
}

async function inspectAt(src: RandomAccess, depth: number, budget: Budget, limits: ArchiveLimits): Promise<ArchiveProblem | null> {
  const { declaredEntries, entries } = await readZipDirectory(src, limits.maxEntries - budget.entries);
  if (budget.entries + declaredEntries > limits.maxEntries) return { code: 'TOO_MANY_ENTRIES' };
  const declared = judgeEntries(entries, budget, limits);
  if (declared) return declared;

  for (const entry of entries) {
    if (entry.uncompressedSize < 4 || entry.name.endsWith('/')) continue;
    const magic = await entryPrefix(src, entry, 8);
    const archive = archiveKind(magic);
    if (!archive) continue;
    if (depth + 1 > limits.maxDepth || archive !== 'zip') return { code: 'NESTED', entry: entry.name };
    const inner = await nestedZip(src, entry, limits);
    if ('code' in inner) return inner;
    const found = await inspectAt(inner, depth + 1, budget, limits);
    if (found) return found;
  }
  return null;
}

/** The checks that need only the directory; counts what the entries use of the budget. */
export function judgeEntries(entries: readonly ZipEntry[], budget: Budget, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveProblem | null {
  for (const e of entries) {
    budget.entries++;
    if (budget.entries > limits.maxEntries) return { code: 'TOO_MANY_ENTRIES' };
    if (unsafePath(e.name)) return { code: 'PATH', entry: e.name };
    // Zip-level encryption and exotic methods never occur in Office files, and would hide the content from the checks below.
    if (e.encrypted || (e.method !== 0 && e.method !== 8)) return { code: 'CORRUPT', entry: e.name };
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) return { code: 'CORRUPT', entry: e.name };
    budget.bytes += e.uncompressedSize;
    if (budget.bytes > limits.maxTotalBytes) return { code: 'TOO_LARGE', entry: e.name };
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > e.compressedSize * limits.maxRatio) return { code: 'RATIO', entry: e.name };
  }
  return null;
}

/** Absolute paths (/x, \x, C:x) and any '..' segment would escape the folder an unpacking tool writes to. */
export function unsafePath(name: string): boolean {
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[\\/]/).some((seg) => seg === '..');
}

function archiveKind(b: Buffer): 'zip' | 'other' | null {
  if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return 'zip';
  const hex = b.toString('hex');
  // rar, 7z, gzip, bzip2, xz: archives we cannot look into.
  if (/^(526172211a07|377abcaf271c|1f8b|425a68|fd377a585a00)/.test(hex)) return 'other';
  return null;
}

/** The first `n` bytes of an entry, inflating only as much as needed. */
async function entryPrefix(src: RandomAccess, entry: ZipEntry, n: number): Promise<Buffer> {
  const start = await entryDataOffset(src, entry);
  if (entry.method === 0) return src.read(start, Math.min(n, entry.compressedSize));
  const out: Buffer[] = [];
  let got = 0;
  const inflate = new Inflate((chunk) => {
    out.push(Buffer.from(chunk));
    got += chunk.length;
  });
  for (let off = 0; off < entry.compressedSize && got < n; off += 512) {
    const piece = await src.read(start + off, Math.min(512, entry.compressedSize - off));
    try {
      inflate.push(piece, off + piece.length >= entry.compressedSize);
    } catch {
      throw new ZipFormatError('bad deflate data');
    }
  }
  return Buffer.concat(out).subarray(0, n);
}

/** A nested zip as its own random-access source: a view when stored, inflated within bounds otherwise. */
async function nestedZip(src: RandomAccess, entry: ZipEntry, limits: ArchiveLimits): Promise<RandomAccess | ArchiveProblem> {
  const start = await entryDataOffset(src, entry);
  if (entry.method === 0) {
    return { size: entry.compressedSize, read: (offset, length) => src.read(start + offset, Math.max(0, Math.min(length, entry.compressedSize - offset))) };
  }
  const cap = Math.min(entry.uncompressedSize, limits.maxNestedBytes);
  if (entry.uncompressedSize > limits.maxNestedBytes) return { code: 'TOO_LARGE', entry: entry.name };
  const out: Buffer[] = [];
  let got = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    got += chunk.length;
    // The directory declared fewer bytes than the data inflates to: the declared sizes lie.
    if (got > cap) over = true;
    else out.push(Buffer.from(chunk));
  });
  for (let off = 0; off < entry.compressedSize && !over; off += 16 * 1024) {
    const piece = await src.read(start + off, Math.min(16 * 1024, entry.compressedSize - off));
    try {
      inflate.push(piece, off + piece.length >= entry.compressedSize);
    } catch {
      throw new ZipFormatError('bad deflate data');
    }
  }
  if (over) return { code: 'CORRUPT', entry: entry.name };
  return bufferAccess(Buffer.concat(out));
}
