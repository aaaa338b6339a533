import type { ImportOutcome, UnitImportRejected } from '@fw/shared';

/** How each planned row of an import is shown. */
export const OUTCOME_TAGS: Record<ImportOutcome, { label: string; color: string }> = {
  new: { label: '将导入', color: 'green' },
  duplicate: { label: '已存在，跳过', color: 'default' },
  outside: { label: '辖区外，拒绝', color: 'red' },
};

const CELL_ORDER = ['name', 'uscc', 'region', 'category', 'subType', 'mode', 'batch', 'year'];

/** A rejected row's cells as one line, in the file's column order, blanks left out. */
export function rejectedCellsText(row: Pick<UnitImportRejected, 'cells'>): string {
  return CELL_ORDER.map((k) => row.cells[k]?.trim()).filter(Boolean).join(' · ');
}
