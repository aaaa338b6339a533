import { CATEGORIES, categoryTitle, type Category } from '@fw/shared';
import type { PublicEntry } from './api';

export interface EntryGroup {
  key: string;
  title: string;
  entries: PublicEntry[];
}

/** Entries grouped by category and sub-type (示范企业, 示范平台（共享制造类）…), in list order. */
export function groupEntries(entries: PublicEntry[]): EntryGroup[] {
  const groups = new Map<string, EntryGroup>();
  const sorted = [...entries].sort((a, b) => a.position - b.position);
  for (const e of sorted) {
    const key = `${e.category}/${e.subType ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, title: categoryTitle(e.category, e.subType), entries: [] }));
    g.entries.push(e);
  }
  const rank = (k: string) => CATEGORIES.indexOf(k.split('/')[0] as Category);
  return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key));
}

/** "3天4小时" / "5小时20分钟" / "不到1分钟" until `until`, or null once passed. */
export function remaining(until: Date, now: Date): string | null {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${mins}分钟`;
  return mins > 0 ? `${mins}分钟` : '不到1分钟';
}

/** Beijing date and time as printed in notices: 2026年5月8日 18:00. */
export function beijingText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
