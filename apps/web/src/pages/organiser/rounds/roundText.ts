import dayjs from 'dayjs';
import { CATEGORY_LABELS, categoryTitle, LEVEL_LABELS, ROUND_STATUS_LABELS, isRoundStatus, type RoundConfig } from '@fw/shared';

/** Tag colours of the round statuses. */
export const STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'green', closed: 'orange', reviewing: 'blue', published: 'purple' };

export function statusLabel(status: string): string {
  return isRoundStatus(status) ? ROUND_STATUS_LABELS[status] : status;
}

/** 2026-05-31 23:59 (local display of an instant); '—' when absent. */
export function formatInstant(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function categoriesText(config: Pick<RoundConfig, 'categories'>): string {
  return config.categories.map((c) => CATEGORY_LABELS[c]).join('、');
}

export interface QuotaRow {
  key: string;
  kind: string;
  max: number;
  maxForTitled: number | null;
  /** Which recommending level the rule caps ('各级' when every level). */
  level: string;
}

/** The quota rules as table rows: 示范平台（共享制造类） ≤ 1 (省级). */
export function quotaRows(config: Pick<RoundConfig, 'quotas'>): QuotaRow[] {
  return config.quotas.map((q, i) => ({
    key: String(i),
    kind: categoryTitle(q.category, q.subType ?? null),
    max: q.max,
    maxForTitled: q.maxForTitled ?? null,
    level: q.level ? LEVEL_LABELS[q.level] : '各级',
  }));
}

/** The stage dates a round or template names, in the order they happen. */
export function stageRows(r: { fillingOpensAt: string | null; fillingClosesAt: string | null; config: Pick<RoundConfig, 'stages'> }): { label: string; value: string }[] {
  const s = r.config.stages ?? {};
  const rows: [string, string | undefined | null][] = [
    ['填报开始', r.fillingOpensAt ? formatInstant(r.fillingOpensAt) : '由组织单位确定'],
    ['填报截止', r.fillingClosesAt ? formatInstant(r.fillingClosesAt) : '由组织单位确定'],
    ['联系人反馈', s.contactsDue],
    ['地方推荐报送截止', s.recommendationDue],
    ['专家评审', s.reviewStartsOn || s.reviewEndsOn ? `${s.reviewStartsOn ?? '?'} 至 ${s.reviewEndsOn ?? '?'}` : undefined],
    ['现场考察截止', s.inspectionEndsOn],
    ['公示', s.noticeStartsOn || s.noticeDays ? `${s.noticeStartsOn ? `${s.noticeStartsOn}起` : ''}${s.noticeDays ? `${s.noticeDays}天` : ''}` : undefined],
    ['评估评价填报截止', s.evaluationDue],
  ];
  return rows.filter((row): row is [string, string] => !!row[1]).map(([label, value]) => ({ label, value }));
}

/** 区县 → 地市 → 省级: who reviews and recommends to whom. */
export function levelsText(config: Pick<RoundConfig, 'reviewLevels'>): string {
  return config.reviewLevels.map((l) => LEVEL_LABELS[l]).join(' → ');
}
