import { demonstrationTitle, usccProblem, USCC_MESSAGES, type Category } from '@fw/shared';
import type { ImportColumn } from './columns.js';
import { readBatch, readCategory, readMode, readYear } from './cellValues.js';
import { regionIndex, resolveRegion } from './regionNames.js';

/** One data row as read from the file: its row number (as the spreadsheet shows it) and its cells as text. */
export interface RawImportRecord {
  row: number;
  cells: Partial<Record<ImportColumn, string>>;
  /** The USCC cell held a number (Excel drops digits past 15, so an all-digit code may be corrupted). */
  usccWasNumber?: boolean;
}

/** A valid row, normalised for demonstration_units (source 'imported'). */
export interface DemonstrationImportRow {
  row: number;
  name: string;
  /** Upper case; null only for cities and districts, which may be listed without one. */
  uscc: string | null;
  regionCode: string;
  category: Category;
  subType: string | null;
  /** Modes joined with 、, or null. */
  mode: string | null;
  /** 第一批 … in Chinese numerals, or 2023年. */
  batch: string;
  year: number;
  /** 示范称号, e.g. 服务型制造示范企业 (prefixed by the organiser's name for its own rounds). */
  title: string;
}

export interface RejectedImportRow {
  row: number;
  /** Every problem of the row, in Chinese. */
  reasons: string[];
  /** The row's cells as read, for the report. */
  cells: Partial<Record<ImportColumn, string>>;
}

export interface DemonstrationImportReport {
  rows: DemonstrationImportRow[];
  rejected: RejectedImportRow[];
}

export interface ImportOptions {
  /** Today's date: the latest allowed year is the current Beijing year. */
  now: Date;
  /** The first national batch was designated in 2017; earlier years are refused. */
  minYear?: number;
  /** The organiser's name for titles of a provincial or municipal round (null: the ministry's). */
  organiserName?: string | null;
}

export const FIRST_BATCH_YEAR = 2017;
const NAME_MAX = 200;

function beijingYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

function isTerritory(category: Category): boolean {
  return category === 'city' || category === 'district';
}

/**
 * Validates and normalises the rows of an import. A row is rejected with every reason found; a row
 * repeating an earlier valid one (same USCC — or name when it has none — and same category) is rejected
 * as a duplicate naming that row. Fully blank rows are skipped.
 */
export function validateImportRecords(records: readonly RawImportRecord[], opts: ImportOptions): DemonstrationImportReport {
  const minYear = opts.minYear ?? FIRST_BATCH_YEAR;
  const maxYear = beijingYear(opts.now);
  const index = regionIndex();
  const report: DemonstrationImportReport = { rows: [], rejected: [] };
  const seen = new Map<string, number>();

  for (const record of records) {
    const cell = (c: ImportColumn) => (record.cells[c] ?? '').trim();
    if (Object.values(record.cells).every((v) => !v || v.trim() === '')) continue;
    const reasons: string[] = [];

    const name = cell('name').replace(/\s+/g, ' ');
    if (name === '') reasons.push('名称不能为空');
    else if (name.length > NAME_MAX) reasons.push(`名称不超过${NAME_MAX}个字`);

    const category = readCategory(cell('category'), cell('subType'));
    if (!category.ok) reasons.push(category.reason);

    const usccText = cell('uscc').replace(/\s/g, '').toUpperCase();
    if (usccText === '') {
      if (!category.ok || !isTerritory(category.value.category)) reasons.push('统一社会信用代码不能为空');
    } else {
      const problem = usccProblem(usccText);
      if (problem) reasons.push(record.usccWasNumber ? `${USCC_MESSAGES[problem]}（该单元格为数字格式，请将该列设为文本后重新填写）` : USCC_MESSAGES[problem]);
    }

    const region = resolveRegion(cell('region'), index);
    if (!region.ok) reasons.push(region.reason);
    const mode = readMode(cell('mode'));
    if (!mode.ok) reasons.push(mode.reason);
    const batch = readBatch(cell('batch'));
    if (!batch.ok) reasons.push(batch.reason);
    const year = readYear(cell('year'), minYear, maxYear);
    if (!year.ok) reasons.push(year.reason);

    if (reasons.length > 0 || !category.ok || !region.ok || !mode.ok || !batch.ok || !year.ok) {
      report.rejected.push({ row: record.row, reasons, cells: record.cells });
      continue;
    }
    const uscc = usccText === '' ? null : usccText;
    const key = `${category.value.category}|${uscc ?? `name:${name}`}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.rejected.push({ row: record.row, reasons: [`与第${first}行重复（${uscc ? '统一社会信用代码' : '名称'}和示范类别相同）`], cells: record.cells });
      continue;
    }
    seen.set(key, record.row);
    report.rows.push({
      row: record.row,
      name,
      uscc,
      regionCode: region.code,
      category: category.value.category,
      subType: category.value.subType,
      mode: mode.value,
      batch: batch.value,
      year: year.value,
      title: demonstrationTitle(category.value.category, opts.organiserName),
    });
  }
  return report;
}
