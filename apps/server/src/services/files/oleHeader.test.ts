import { describe, expect, it } from 'vitest';
import { isSaneOleHeader } from './oleHeader.js';
import { bufferAccess } from './randomAccess.js';
import { makeCfb } from '../documents/sampleDocuments.js';

const check = (b: Buffer) => isSaneOleHeader(bufferAccess(b));

describe('OLE header', () => {
  it('accepts a version 3 header with 512-byte sectors', async () => {
    expect(await check(makeCfb())).toBe(true);
  });

  it.each([
    ['no byte order mark', (b: Buffer) => b.writeUInt16LE(0, 0x1c)],
    ['version 3 with 4096-byte sectors', (b: Buffer) => b.writeUInt16LE(12, 0x1e)],
    ['version 5', (b: Buffer) => b.writeUInt16LE(5, 0x1a)],
    ['odd mini sectors', (b: Buffer) => b.writeUInt16LE(7, 0x20)],
    ['directory sectors in version 3', (b: Buffer) => b.writeUInt32LE(1, 0x28)],
    ['a broken signature', (b: Buffer) => b.writeUInt8(0, 3)],
  ])('refuses %s', async (_what, spoil) => {
    const b = makeCfb();
    spoil(b);
    expect(await check(b)).toBe(false);
  });

  it('refuses a header alone, with no sector after it', async () => {
    expect(await check(makeCfb().subarray(0, 512))).toBe(false);
  });
});
