import { describe, expect, it } from 'vitest';
import { rejectedCellsText } from './outcome';

describe('rejectedCellsText', () => {
  it('lists the cells in the column order and leaves blanks out', () => {
    expect(rejectedCellsText({ cells: { year: '2021', name: '坏代码公司', uscc: '91440300MA5F0000', mode: ' ', batch: '第三批' } })).toBe('坏代码公司 · 91440300MA5F0000 · 第三批 · 2021');
  });
});
