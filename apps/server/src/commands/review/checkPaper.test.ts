import { describe, expect, it } from 'vitest';
import { paperNumberOf } from './checkPaper.js';

describe('paperNumberOf', () => {
  it.each([
    ['N3-440305-E00001K', 'N3-440305-E00001K'],
    ['  n3-440305-e00001k ', 'N3-440305-E00001K'],
    ['N3 - 440305 - E00001K', 'N3-440305-E00001K'],
    ['https://sbpt.example.cn/verify/N3-440305-E00001K', 'N3-440305-E00001K'],
    ['http://localhost:5173/verify/n3-440305-e00001k?from=qr#top', 'N3-440305-E00001K'],
    ['http://host/VERIFY/N3%2D440305%2DE00001K/', 'N3-440305-E00001K'],
    ['http://host/verify/%E0%A4%A', '%E0%A4%A'],
  ])('reads %s as %s', (input, expected) => {
    expect(paperNumberOf(input)).toBe(expected);
  });
});
