import { CATEGORY_LABELS, SUB_TYPE_LABELS, type Category } from '@fw/shared';
import type { CheckStatus, PaperResult, QuotaUsage } from '../api';

export const CHECK_LABELS: Record<CheckStatus, string> = { pending: '待审查', passed: '已通过', returned: '已退回' };
export const CHECK_COLORS: Record<CheckStatus, string> = { pending: 'default', passed: 'green', returned: 'red' };

export const PAPER_LABELS: Record<PaperResult, string> = { matches: '一致', superseded: '已被新版本替代', unknown: '未找到' };
export const PAPER_COLORS: Record<PaperResult, string> = { matches: 'green', superseded: 'orange', unknown: 'red' };

export const LEVEL_NAMES: Record<string, string> = { district: '区县', city: '地市', province: '省级', ministry: '工业和信息化部' };

/** A quota group: a category and, where quotas differ by kind, its sub-type. */
export interface Group {
  key: string;
  category: Category;
  subType: string | null;
  label: string;
}

export function groupKey(category: string, subType: string | null | undefined): string {
  return subType ? `${category}:${subType}` : category;
}

export function groupLabel(category: Category, subType: string | null): string {
  return subType ? `${CATEGORY_LABELS[category]}（${SUB_TYPE_LABELS[subType] ?? subType}）` : CATEGORY_LABELS[category];
}

/** The round's quota groups in the round's order (enterprise, platform kinds, project, city kinds). */
export function groupsOf(quotas: QuotaUsage[]): Group[] {
  const seen = new Set<string>();
  const out: Group[] = [];
  for (const q of quotas) {
    const key = groupKey(q.category, q.subType);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, category: q.category, subType: q.subType ?? null, label: groupLabel(q.category, q.subType ?? null) });
  }
  return out;
}

/** Colour of a quota use: green with room left, orange when full, red when over. */
export function quotaColor(used: number, max: number): string {
  if (used > max) return '#c62828';
  if (used === max) return '#d97706';
  return '#2e8b57';
}
