import crypto from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

/**
 * Upload payloads of a given size that pass the app's checks as real files do: a .docx (an OPC zip
 * whose media part holds incompressible bytes, stored, so the ratio check sees 1:1) and a PDF with one
 * empty page and an image stream of hex digits (no '/' in it, so the active-content scan sees no names).
 */
export function makeBigDocx(bytes: number): Buffer {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  return Buffer.from(
    zipSync(
      {
        '[Content_Types].xml': strToU8(`${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
        '_rels/.rels': strToU8(`${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
        'word/document.xml': strToU8(`${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>基准测试说明材料</w:t></w:r></w:p></w:body></w:document>`),
        'word/media/image1.png': [crypto.randomBytes(Math.max(0, bytes - 2048)), { level: 0 }],
      },
      { level: 6 },
    ),
  );
}

export function makeBigPdf(bytes: number): Buffer {
  const hex = crypto.randomBytes(Math.max(0, Math.floor((bytes - 1024) / 2))).toString('hex');
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += Buffer.byteLength(s, 'latin1');
  };
  push('%PDF-1.4\n');
  const obj = (n: number, body: string) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\nendobj\n`);
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> >>');
  obj(4, `<< /Type /XObject /Subtype /Image /Width ${hex.length / 2 / 3 >= 1 ? Math.floor(hex.length / 6) : 1} /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${hex.length + 1} >>\nstream\n${hex}>\nendstream`);
  const xref = length;
  push(`xref\n0 5\n0000000000 65535 f \n${[1, 2, 3, 4].map((n) => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

/** A "JPEG" for the brochure slot (start-of-image marker, JFIF header, random bytes, end marker). */
export function makeBigJpeg(bytes: number): Buffer {
  const head = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');
  return Buffer.concat([head, crypto.randomBytes(bytes - head.length - 2), Buffer.from('ffd9', 'hex')]);
}
