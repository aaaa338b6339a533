import PDFDocument from 'pdfkit';

/** A real PDF made by pdfkit (Latin text: the built-in fonts have no Chinese glyphs). */
export function makePdf(text = 'Test document'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

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

/** An OLE compound file header, as .doc and .wps documents start. */
export function makeCfb(): Buffer {
  const b = Buffer.alloc(1536);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(b);
  return b;
}
