import { describe, expect, it } from 'vitest';
import { MB, slotSpec } from '@fw/shared';
import { acceptFor, checkFile } from './fileChecks';

const narrative = slotSpec('narrative')!;
const brochure = slotSpec('brochure')!;

describe('upload pre-checks', () => {
  it('accepts only the slot extensions, jpeg counting as jpg', () => {
    expect(acceptFor(narrative)).toBe('.doc,.docx,.wps');
    expect(acceptFor(brochure)).toContain('.jpeg');
  });

  it('refuses a pdf in the narrative slot and accepts a docx with upper-case extension', () => {
    expect(checkFile(narrative, { name: '说明.pdf', size: 10 })).toMatch(/格式不支持/);
    expect(checkFile(narrative, { name: '说明.DOCX', size: 10 })).toBeNull();
  });

  it('refuses a file over the slot limit and an empty file', () => {
    expect(checkFile(narrative, { name: 'a.doc', size: 50 * MB + 1 })).toMatch(/超过50.0 MB/);
    expect(checkFile(brochure, { name: 'a.pdf', size: 100 * MB })).toBeNull();
    expect(checkFile(brochure, { name: 'a.pdf', size: 0 })).toMatch(/空文件/);
  });
});
