// Real .docx and .pdf documents come from the shared generator; these are the hostile or odd ones.
export { makeCfb, makeDocx, makePdf } from '../services/documents/sampleDocuments.js';

/** The first bytes of a PNG image (signature + IHDR), enough for content sniffing. */
export function makePng(): Buffer {
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    Buffer.alloc(64),
  ]);
}

/** A Windows executable's headers (MZ stub pointing at a PE signature). */
export function makeExe(): Buffer {
  const b = Buffer.alloc(1024);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}
