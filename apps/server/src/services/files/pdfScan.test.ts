import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { zlibSync, strToU8 } from 'fflate';
import { PdfNameScanner, scanPdf } from './pdfScan.js';
import { makePdf } from '../documents/sampleDocuments.js';
import { makePdfWithObjectStream, makePdfWithOpenAction } from '../documents/hostileDocuments.js';

/** Scans in chunks of `size` bytes, so names and keywords straddle chunk boundaries. */
function scanChunked(buf: Buffer, size: number): string[] {
  const s = new PdfNameScanner();
  for (let i = 0; i < buf.length; i += size) s.push(buf.subarray(i, i + size));
  return s.end();
}

describe('PDF scan', () => {
  it('finds nothing in an ordinary pdfkit document', async () => {
    expect(await scanPdf(Readable.from([await makePdf('Annual report')]))).toEqual([]);
  });

  it('flags /OpenAction and /JavaScript in an appended object, in any chunking', async () => {
    const pdf = await makePdfWithOpenAction();
    for (const size of [1, 7, 4096, pdf.length]) expect(scanChunked(pdf, size)).toEqual(['JS', 'JavaScript', 'OpenAction']);
  });

  it('flags a hex-escaped /Launch and an /EmbeddedFile inside a compressed object stream', async () => {
    const pdf = await makePdfWithObjectStream();
    // The names are not in the raw bytes at all.
    expect(pdf.includes('Launch')).toBe(false);
    expect(pdf.includes('EmbeddedFile')).toBe(false);
    for (const size of [3, 1000, pdf.length]) expect(scanChunked(pdf, size)).toEqual(['EmbeddedFile', 'Launch']);
  });

  it('ignores names inside strings, comments and ordinary streams, and longer names', () => {
    const content = zlibSync(strToU8('BT /AA 12 Tf (x) Tj ET /JavaScript'));
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n% /JavaScript in a comment\n1 0 obj\n<< /Title (a /Launch b \\) /AA) /JSON 1 /AAx 2 >>\nendobj\n', 'latin1'),
      Buffer.from(`2 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      Buffer.from(content),
      Buffer.from('\nendstream\nendobj\n3 0 obj\n<< /Raw /RichMedia >>\nendobj\n', 'latin1'),
    ]);
    expect(scanChunked(pdf, 5)).toEqual(['RichMedia']);
  });

  it('flags /AA, /EmbeddedFiles and /RichMedia', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</AA<<>>/Names<</EmbeddedFiles 2 0 R>>/RichMedia 3 0 R>>endobj', 'latin1');
    expect(scanChunked(pdf, 2)).toEqual(['AA', 'EmbeddedFile', 'RichMedia']);
  });
});
