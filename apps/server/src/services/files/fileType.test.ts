import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentMatchesKind, contentTypeOf, detectContentType, kindOfName } from './fileType.js';
import { strToU8, zipSync } from 'fflate';
import { makeCfb, makeDocx, makeExe, makePdf, makePng } from '../../test/documents.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-filetype-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function detect(bytes: Buffer): Promise<string | null> {
  const p = path.join(dir, String(Math.random()).slice(2));
  fs.writeFileSync(p, bytes);
  return detectContentType(p);
}

describe('file types', () => {
  it('reads the kind from the extension, case-insensitively, jpeg as jpg', () => {
    expect(kindOfName('报告.DOCX')).toBe('docx');
    expect(kindOfName('photo.jpeg')).toBe('jpg');
    expect(kindOfName('a.tar.pdf')).toBe('pdf');
    expect(kindOfName('setup.exe')).toBeNull();
    expect(kindOfName('noextension')).toBeNull();
  });

  it('detects content by its bytes', async () => {
    expect(await detect(makeDocx())).toBe('docx');
    expect(await detect(await makePdf())).toBe('pdf');
    expect(await detect(makeCfb())).toBe('cfb');
    expect(await detect(makePng())).toBe('png');
    expect(await detect(makeExe())).toBe('exe');
    expect(await detect(Buffer.from(zipSync({ 'a.txt': strToU8('x') })))).toBe('zip');
    expect(await detect(Buffer.from('纯文本'))).toBeNull();
  });

  it.each([
    ['docx', 'docx', true],
    ['cfb', 'doc', true],
    ['cfb', 'wps', true],
    ['pdf', 'pdf', true],
    ['jpg', 'jpg', true],
    ['zip', 'docx', false],
    ['cfb', 'docx', false],
    ['png', 'pdf', false],
    ['exe', 'docx', false],
    [null, 'pdf', false],
  ] as const)('content %s as .%s → %s', (detected, kind, ok) => {
    expect(contentMatchesKind(detected, kind)).toBe(ok);
  });

  it('names the media type to download each kind with', () => {
    expect(contentTypeOf('pdf')).toBe('application/pdf');
    expect(contentTypeOf('jpg')).toBe('image/jpeg');
    expect(contentTypeOf('weird')).toBe('application/octet-stream');
  });
});
