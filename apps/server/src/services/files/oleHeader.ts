import type { RandomAccess } from './randomAccess.js';

/**
 * True when the first 512 bytes are a plausible OLE compound file header (MS-CFB 2.2), as Word
 * 97-2003 and WPS documents have: signature, little-endian byte order mark, version 3 with 512-byte
 * sectors or version 4 with 4096-byte sectors, 64-byte mini sectors, and a file at least one sector long.
 */
export async function isSaneOleHeader(src: RandomAccess): Promise<boolean> {
  const h = await src.read(0, 512);
  if (h.length < 512 || h.subarray(0, 8).toString('hex') !== 'd0cf11e0a1b11ae1') return false;
  const major = h.readUInt16LE(0x1a);
  const byteOrder = h.readUInt16LE(0x1c);
  const sectorShift = h.readUInt16LE(0x1e);
  const miniShift = h.readUInt16LE(0x20);
  if (byteOrder !== 0xfffe || miniShift !== 6) return false;
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) return false;
  // Version 3 files have no directory-sector count; the header then fills (at least) one whole sector.
  if (major === 3 && h.readUInt32LE(0x28) !== 0) return false;
  return src.size >= 2 ** sectorShift * 2;
}
