import { describe, expect, it } from 'vitest';
import { decodeCsv, issuedCsv, templateCsv } from './csvText';

describe('expert CSV text', () => {
  it('reads UTF-8 and falls back to GB 18030 for files saved by Excel', () => {
    const utf8 = new TextEncoder().encode('name,username\n王工,wang').buffer;
    expect(decodeCsv(utf8)).toBe('name,username\n王工,wang');
    // 王工 in GBK: CD F5 B9 A4.
    const gbk = new Uint8Array([0x6e, 0x2c, 0xcd, 0xf5, 0xb9, 0xa4]).buffer;
    expect(decodeCsv(gbk)).toBe('n,王工');
  });

  it('writes a template with the expected header and quotes cells that need it', () => {
    expect(templateCsv().split('\r\n')[0]).toBe('\uFEFFname,username,mobile,employer,employer_uscc,region_code,fields,categories');
    const out = issuedCsv({ issued: [{ line: 2, name: '王,工', username: 'wang', initialPassword: 'a"b' }], rejected: [] });
    expect(out).toContain('2,"王,工",wang,"a""b"');
  });
});
