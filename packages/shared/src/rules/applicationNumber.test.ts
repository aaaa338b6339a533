import { describe, expect, it } from 'vitest';
import { checkCharacter, formatApplicationNumber, isValidApplicationNumber } from './applicationNumber.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const sample = formatApplicationNumber({ roundCode: 'N3', regionCode: '440300', letter: 'E', sequence: 17 });

describe('application numbers', () => {
  it('formats round, region, category letter, a 5-digit sequence and a check character', () => {
    expect(sample).toMatch(/^N3-440300-E00017[0-9A-Z]$/);
    expect(sample.slice(-1)).toBe(checkCharacter(sample.slice(0, -1)));
  });

  it('validates what it formats, ignoring case and surrounding spaces', () => {
    for (const [roundCode, regionCode, letter, sequence] of [
      ['N3', '440300', 'E', 1],
      ['SH5', '310104', 'D', 99999],
      ['G2023', '110000', 'P', 123456],
      ['N4', '210200', 'C', 42],
    ] as const) {
      const n = formatApplicationNumber({ roundCode, regionCode, letter, sequence });
      expect(isValidApplicationNumber(n), n).toBe(true);
      expect(isValidApplicationNumber(` ${n.toLowerCase()} `), n).toBe(true);
    }
  });

  it('detects every single-character substitution', () => {
    let tried = 0;
    for (let i = 0; i < sample.length; i++) {
      for (const ch of `${ALPHABET}-`) {
        if (ch === sample[i]) continue;
        const changed = sample.slice(0, i) + ch + sample.slice(i + 1);
        expect(isValidApplicationNumber(changed), changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(500);
  });

  it('detects every swap of two adjacent different characters', () => {
    for (let i = 0; i + 1 < sample.length; i++) {
      if (sample[i] === sample[i + 1]) continue;
      const swapped = sample.slice(0, i) + sample[i + 1] + sample[i] + sample.slice(i + 2);
      expect(isValidApplicationNumber(swapped), swapped).toBe(false);
    }
  });

  it('detects substitutions and swaps in the body even ignoring the hyphen layout', () => {
    // The check alone (without the layout pattern) catches them too.
    const body = sample.replace(/-/g, '').slice(0, -1);
    const check = sample.slice(-1);
    for (let i = 0; i < body.length; i++) {
      for (const ch of ALPHABET) {
        if (ch !== body[i]) expect(checkCharacter(body.slice(0, i) + ch + body.slice(i + 1)), `${i}${ch}`).not.toBe(check);
      }
      if (i + 1 < body.length && body[i] !== body[i + 1]) {
        expect(checkCharacter(body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2))).not.toBe(check);
      }
    }
  });

  it('refuses malformed numbers', () => {
    for (const n of ['', 'N3-44030-E00017K', 'N3-440300-00017K', 'N3-440300-E0017K', 'N3_440300_E00017K']) expect(isValidApplicationNumber(n), n).toBe(false);
  });

  it('refuses characters outside the alphabet when computing a check', () => {
    expect(() => checkCharacter('N3-440300-E0001*')).toThrow();
  });
});
