import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar, usccProblem, USCC_MESSAGES } from './uscc.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('USCC (GB 32100-2015)', () => {
  it('accepts a published code', () => {
    expect(usccProblem('91350100M000100Y43')).toBeNull();
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('accepts codes whose check character it computed, in lower case and with spaces around', () => {
    for (const body of ['91440300MA5F000001', '11100000000013127', '52110000500021676', '91310115MA1K3ABCD']) {
      const first17 = body.slice(0, 17);
      const code = first17 + usccCheckChar(first17);
      expect(isValidUscc(code), code).toBe(true);
      expect(isValidUscc(` ${code.toLowerCase()} `), code).toBe(true);
    }
  });

  it('computes a check character from the charset', () => {
    expect(CHARSET).toContain(usccCheckChar('91350100M000100Y4'));
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses codes of the wrong length', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100Y433')).toBe('length');
    expect(usccProblem('')).toBe('length');
  });

  it('refuses characters outside the charset (I, O, Z, S, V and symbols)', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '-', '中']) expect(usccProblem(`91350100M000100Y4${bad}`), bad).toBe('charset');
  });

  it('refuses a region part that is not 6 digits', () => {
    const first17 = '913501A0M000100Y4';
    expect(usccProblem(first17 + usccCheckChar(first17))).toBe('region');
  });

  it('refuses any single wrong check character', () => {
    for (const ch of CHARSET) {
      if (ch === '3') continue;
      expect(usccProblem(`91350100M000100Y4${ch}`), ch).toBe('check');
    }
  });

  it('detects every single-character substitution of a valid code', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 18; i++) {
      for (const ch of CHARSET) {
        if (ch === code[i]) continue;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidUscc(changed), changed).toBe(false);
      }
    }
  });

  it('has a Chinese message for every problem', () => {
    for (const m of Object.values(USCC_MESSAGES)) expect(m).toMatch(/统一社会信用代码/);
  });
});
