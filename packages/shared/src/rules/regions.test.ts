import { describe, expect, it } from 'vitest';
import { ancestorAt, levelOf, regionChain, regionContains } from './regions.js';

describe('regions', () => {
  it.each([
    ['000000', 'ministry'],
    ['440000', 'province'],
    ['440300', 'city'],
    ['440305', 'district'],
  ])('%s is a %s', (code, level) => expect(levelOf(code)).toBe(level));

  it('contains its own sub-regions and nothing else', () => {
    expect(regionContains('440000', '440305')).toBe(true);
    expect(regionContains('440300', '440305')).toBe(true);
    expect(regionContains('440300', '440100')).toBe(false);
    expect(regionContains('440000', '450100')).toBe(false);
    expect(regionContains('440305', '440305')).toBe(true);
    expect(regionContains('000000', '650100')).toBe(true);
  });

  it('finds the ancestors of a district, lowest first', () => {
    expect(regionChain('440305')).toEqual(['440305', '440300', '440000', '000000']);
    expect(regionChain('440300')).toEqual(['440300', '440000', '000000']);
    expect(ancestorAt('440305', 'city')).toBe('440300');
    expect(ancestorAt('440305', 'province')).toBe('440000');
  });
});
