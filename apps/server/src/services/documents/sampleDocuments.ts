import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';

/**
 * Small real documents for the demo data and the tests: a Word .docx (an OPC zip package with one
 * paragraph) and a PDF. They pass the upload checks exactly as files from a user would.
 */
export function makeDocx(text = '测试文档'): Buffer {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '</Types>',
      ),
      '_rels/.rels': strToU8(
        `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '</Relationships>',
      ),
      'word/document.xml': strToU8(
        `${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
          `<w:body><w:p><w:r><w:t>${esc}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
  );
}

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

/**
 * The smallest well-formed OLE compound file header (MS-CFB version 3, 512-byte sectors) followed
 * by two empty sectors: what .doc and .wps documents start with, enough for the upload checks.
 */
export function makeCfb(): Buffer {
  const b = Buffer.alloc(1536);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(b);
  b.writeUInt16LE(0x3e, 0x18); // minor version
  b.writeUInt16LE(3, 0x1a); // major version
  b.writeUInt16LE(0xfffe, 0x1c); // little-endian byte order mark
  b.writeUInt16LE(9, 0x1e); // 2^9 = 512-byte sectors
  b.writeUInt16LE(6, 0x20); // 2^6 = 64-byte mini sectors
  return b;
}
