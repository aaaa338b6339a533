import { describe, expect, it } from 'vitest';
import { beijingText, groupEntries, remaining } from './logic';
import type { PublicEntry } from './api';

const entry = (position: number, category: PublicEntry['category'], subType: string | null = null): PublicEntry => ({
  id: String(position), position, name: `单位${position}`, category, subType, mode: null, regionName: '广东省', withdrawn: false, withdrawReason: null,
});

describe('public notice page logic', () => {
  it('groups entries by category and sub-type in the round order, entries by position', () => {
    const groups = groupEntries([entry(3, 'platform', 'shared'), entry(2, 'enterprise'), entry(1, 'enterprise'), entry(4, 'city', 'design')]);
    expect(groups.map((g) => g.title)).toEqual(['示范企业', '示范平台（共享制造类）', '示范城市（工业设计特色类）']);
    expect(groups[0]!.entries.map((e) => e.position)).toEqual([1, 2]);
  });

  it('counts down in days and hours, then hours and minutes, and stops at the end', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    expect(remaining(new Date('2026-05-04T05:30:00Z'), now)).toBe('3天5小时');
    expect(remaining(new Date('2026-05-01T02:20:00Z'), now)).toBe('2小时20分钟');
    expect(remaining(new Date('2026-05-01T00:00:30Z'), now)).toBe('不到1分钟');
    expect(remaining(now, now)).toBeNull();
  });

  it('prints times in Beijing time', () => {
    expect(beijingText('2026-05-01T10:05:00Z')).toBe('2026年5月1日 18:05');
  });
});
