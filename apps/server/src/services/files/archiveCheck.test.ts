import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { MB } from '@fw/shared';
import { ARCHIVE_LIMITS, inspectArchive, judgeEntries, unsafePath } from './archiveCheck.js';
import { bufferAccess } from './randomAccess.js';
import type { ZipEntry } from './zipDirectory.js';
import { makeDocx } from '../documents/sampleDocuments.js';
import { docxWith, makeCrowdedDocx, makeDocxBomb, makeNestedDocx, makeTraversalDocx } from '../documents/hostileDocuments.js';

const inspect = (b: Buffer) => inspectArchive(bufferAccess(b));
const entry = (o: Partial<ZipEntry>): ZipEntry => ({ name: 'word/x.xml', method: 8, encrypted: false, compressedSize: 1000, uncompressedSize: 5000, localHeaderOffset: 0, ...o });

describe('archive check', () => {
  it('passes a genuine docx and one embedding a workbook (one level of nesting)', async () => {
    expect(await inspect(makeDocx())).toBeNull();
    expect(await inspect(makeNestedDocx(1))).toBeNull();
  });

  it('refuses a 40 MB bomb by its ratio without inflating it', async () => {
    const bomb = makeDocxBomb(40);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = Date.now();
    expect(await inspect(bomb)).toEqual({ code: 'RATIO', entry: 'word/media/image1.png' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses an archive in an archive in the docx, stored or deflated', async () => {
    expect(await inspect(makeNestedDocx(2))).toMatchObject({ code: 'NESTED' });
    expect(await inspect(makeNestedDocx(3))).toMatchObject({ code: 'NESTED' });
    const stored = docxWith({ 'word/embeddings/a.zip': [zipSync({ 'b.zip': zipSync({ 'c.txt': strToU8('c') }) }), { level: 0 }] });
    expect(await inspect(stored)).toMatchObject({ code: 'NESTED', entry: 'b.zip' });
  });

  it('refuses archive formats it cannot look into when embedded', async () => {
    const gz = Buffer.from('1f8b0800000000000003', 'hex');
    expect(await inspect(docxWith({ 'word/embeddings/x.bin': gz }))).toMatchObject({ code: 'NESTED' });
  });

  it('refuses more than 2,000 entries', async () => {
    expect(await inspect(makeCrowdedDocx(1990))).toBeNull();
    expect(await inspect(makeCrowdedDocx(2001))).toEqual({ code: 'TOO_MANY_ENTRIES' });
  });

  it.each(['../../etc/passwd', '/etc/passwd', '\\windows\\evil.dll', 'C:/evil', 'word/../../x', 'a\\..\\b'])('refuses the path %s', async (p) => {
    expect(unsafePath(p)).toBe(true);
    expect(await inspect(makeTraversalDocx(p))).toMatchObject({ code: 'PATH' });
  });

  it.each(['word/document.xml', 'a..b/c', '[Content_Types].xml', 'word/..x'])('accepts the path %s', (p) => {
    expect(unsafePath(p)).toBe(false);
  });

  it('judges declared sizes: total over 200 MB, ratio over 100 above 1 MB, stored sizes that differ', () => {
    const budget = () => ({ entries: 0, bytes: 0 });
    const big = Array.from({ length: 5 }, (_, i) => entry({ name: `m${i}`, compressedSize: 1 * MB, uncompressedSize: 45 * MB }));
    expect(judgeEntries(big, budget())).toEqual({ code: 'TOO_LARGE', entry: 'm4' });
    expect(judgeEntries(big.slice(0, 4), budget())).toBeNull();
    expect(judgeEntries([entry({ compressedSize: 20_000, uncompressedSize: 2_000_001 })], budget())).toMatchObject({ code: 'RATIO' });
    expect(judgeEntries([entry({ compressedSize: 20_000, uncompressedSize: 2_000_000 })], budget())).toBeNull();
    // Below the floor a high ratio is harmless (pages of spaces).
    expect(judgeEntries([entry({ compressedSize: 100, uncompressedSize: 900_000 })], budget())).toBeNull();
    expect(judgeEntries([entry({ compressedSize: 0, uncompressedSize: 2 * MB })], budget())).toMatchObject({ code: 'RATIO' });
    expect(judgeEntries([entry({ method: 0, compressedSize: 10, uncompressedSize: 20 })], budget())).toMatchObject({ code: 'CORRUPT' });
    expect(judgeEntries([entry({ encrypted: true })], budget())).toMatchObject({ code: 'CORRUPT' });
    expect(judgeEntries([entry({ method: 12 })], budget())).toMatchObject({ code: 'CORRUPT' });
    expect(ARCHIVE_LIMITS).toMatchObject({ maxEntries: 2000, maxTotalBytes: 200 * MB, maxRatio: 100, maxDepth: 1 });
  });

  it('reports a truncated or mangled zip as corrupt instead of throwing', async () => {
    const docx = makeDocx();
    expect(await inspect(docx.subarray(0, docx.length - 30))).toEqual({ code: 'CORRUPT' });
    expect(await inspect(Buffer.from('PK\x03\x04 not really'))).toEqual({ code: 'CORRUPT' });
  });

  it('refuses a nested zip whose data inflates beyond its declared size', async () => {
    const inner = zipSync({ 'a.txt': strToU8('x'.repeat(5000)) });
    const docx = docxWith({ 'word/embeddings/a.zip': inner });
    // Shrink the declared uncompressed size of the embedded zip in the central directory.
    const name = Buffer.from('word/embeddings/a.zip');
    let at = -1;
    for (let i = docx.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); i >= 0; i = docx.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), i + 1)) {
      if (docx.subarray(i + 46, i + 46 + name.length).equals(name)) at = i;
    }
    docx.writeUInt32LE(10, at + 24);
    expect(await inspect(docx)).toMatchObject({ code: 'CORRUPT' });
  });
});
