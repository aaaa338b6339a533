import { describe, expect, it } from 'vitest';
import { parseUploadResult } from './tusUpload';

const file = { id: 'f1', slot: 'narrative', name: '说明材料.docx', size: 791, kind: 'docx', sha256: 'ab'.repeat(32), createdAt: '2026-01-01T00:00:00Z' };

describe('Upload-Result header', () => {
  it('reads the URI-encoded JSON the server sends', () => {
    expect(parseUploadResult(encodeURIComponent(JSON.stringify(file)))).toEqual(file);
  });
  it('also reads plain JSON and refuses anything else', () => {
    expect(parseUploadResult(JSON.stringify(file))).toEqual(file);
    expect(parseUploadResult('%E0%A4%A')).toBeNull();
  });
});
