import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.js';
import { mapHeader } from './columns.js';
import type { RawImportRecord } from './validateRecords.js';

/**
 * Text of a CSV file: UTF-8 (with or without BOM), else GB18030 — what Excel on a Chinese Windows
 * writes when saving as CSV.
 */
export function decodeCsv(bytes: Buffer | string): string {
  if (typeof bytes === 'string') return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The data rows of a CSV import, with the same csv-parse options as the registry import; the first
 * line is the header. Row numbers are the line a record starts on, as an editor shows it.
 */
export function readCsvRecords(bytes: Buffer | string): RawImportRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(decodeCsv(bytes), { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof parsed;
  } catch (err) {
    throw new AppError('VALIDATION', `CSV 格式错误：${(err as Error).message}`);
  }
  const [header, ...data] = parsed;
  if (!header) throw new AppError('VALIDATION', '文件为空');
  const columns = mapHeader(header.record);
  return data.map(({ record, info }) => {
    const cells: RawImportRecord['cells'] = {};
    columns.forEach((c, i) => {
      if (c) cells[c] = record[i] ?? '';
    });
    const innerBreaks = record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    return { row: info.lines - innerBreaks, cells };
  });
}
