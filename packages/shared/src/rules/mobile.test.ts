import { describe, expect, it } from 'vitest';
import { isValidMobile, maskMobile, MOBILE_MESSAGE } from './mobile.js';

describe('mobile numbers', () => {
  it('accepts 11-digit numbers starting with 13 to 19', () => {
    for (const n of ['13800138000', '14700000000', '15912345678', '16600000000', '17712345678', '18116258631', '19912345678']) expect(isValidMobile(n), n).toBe(true);
  });

  it('refuses other prefixes, lengths and characters', () => {
    for (const n of ['12800138000', '10800138000', '23800138000', '1380013800', '138001380000', '1380013800a', '+8613800138000', ' 13800138000', '138-0013-8000', '']) {
      expect(isValidMobile(n), n).toBe(false);
    }
  });

  it('masks the middle four digits', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskMobile('123')).toBe('***');
  });

  it('explains the rule in Chinese', () => {
    expect(MOBILE_MESSAGE).toBe('请输入正确的11位手机号码');
  });
});
