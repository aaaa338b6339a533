import { describe, expect, it } from 'vitest';
import { reviewOrder } from './order.js';
import { hashString, seededRandom, seededShuffle } from './random.js';

const ids = Array.from({ length: 30 }, (_, i) => `app-${String(i).padStart(2, '0')}`);

describe('reviewOrder', () => {
  it('gives the same expert the same order every time, whatever the input order', () => {
    const a = reviewOrder(ids, 'round-seed', 'expert-1');
    expect(reviewOrder([...ids].reverse(), 'round-seed', 'expert-1')).toEqual(a);
    expect([...a].sort()).toEqual(ids);
  });

  it('gives different experts different orders', () => {
    const orders = Array.from({ length: 20 }, (_, i) => reviewOrder(ids, 'round-seed', `expert-${i}`).join(','));
    expect(new Set(orders).size).toBe(20);
  });

  it('changes with the round seed', () => {
    expect(reviewOrder(ids, 'seed-a', 'expert-1')).not.toEqual(reviewOrder(ids, 'seed-b', 'expert-1'));
  });

  it('spreads the first position: over many experts no application is first much more often than others', () => {
    const five = ids.slice(0, 5);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const first = reviewOrder(five, 'round-seed', `expert-${i}`)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // Expected 1000 each; a fair shuffle stays well within ±15 %.
    for (const id of five) expect(Math.abs((firsts.get(id) ?? 0) - 1000)).toBeLessThan(150);
  });

  it('drops duplicate ids and handles empty and single lists', () => {
    expect(reviewOrder([], 's', 'e')).toEqual([]);
    expect(reviewOrder(['x', 'x'], 's', 'e')).toEqual(['x']);
  });
});

describe('seeded randomness', () => {
  it('is reproducible and within [0, 1)', () => {
    const a = seededRandom('abc');
    const b = seededRandom('abc');
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('hashes strings to unsigned 32-bit integers that differ for near-identical inputs', () => {
    expect(hashString('expert-1')).not.toBe(hashString('expert-2'));
    expect(Number.isInteger(hashString('中文'))).toBe(true);
    expect(hashString('中文')).toBeGreaterThanOrEqual(0);
  });

  it('shuffles without losing or duplicating items', () => {
    expect(seededShuffle(ids, 'x').sort()).toEqual(ids);
  });
});
