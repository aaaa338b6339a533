import { slotSpec } from '@fw/shared';
import type { ReopenScope } from '../../api';

/** A reopening's scope in words: 全部内容, or the section titles and upload slots it opened. */
export function scopeText(scope: ReopenScope, sectionTitle: (key: string) => string = (k) => k): string {
  if (scope.whole) return '全部内容';
  const parts = [...scope.sections.map(sectionTitle), ...scope.slots.map((s) => slotSpec(s)?.label ?? s)];
  return parts.length ? parts.join('、') : '—';
}
