import { describe, expect, it } from 'vitest';
import { maskEmail } from './email.js';

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('wang@example.com')).toBe('w***@example.com');
    expect(maskEmail('a@b.cn')).toBe('a***@b.cn');
  });
  it('hides anything that is not an address', () => {
    expect(maskEmail('@example.com')).toBe('***');
    expect(maskEmail('')).toBe('***');
  });
});
