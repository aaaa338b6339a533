import { AppError } from '../../errors.js';
import { readCsvRecords } from './readCsv.js';
import { readXlsxRecords } from './readXlsx.js';
import { validateImportRecords, type DemonstrationImportReport, type ImportOptions } from './validateRecords.js';

export type ImportFormat = 'csv' | 'xlsx';

/** More rows than any list of demonstration units holds; protects the server from a huge sheet. */
export const IMPORT_MAX_ROWS = 20_000;

/** The format of an uploaded file: an XLSX is a ZIP (PK\x03\x04); otherwise the name's extension decides. */
export function importFormatOf(fileName: string, bytes?: Buffer): ImportFormat | null {
  if (bytes && bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return null;
}

/**
 * Reads an import of earlier demonstration units (XLSX or CSV, headers in Chinese or English) and
 * validates every row. No database: the caller stores `rows` and shows `rejected`. A file that cannot
 * be read at all (no header, missing columns, not a spreadsheet) throws AppError VALIDATION.
 */
export async function parseDemonstrationImport(bytes: Buffer | string, opts: ImportOptions & { format: ImportFormat }): Promise<DemonstrationImportReport> {
  const records = opts.format === 'xlsx' ? await readXlsxRecords(typeof bytes === 'string' ? Buffer.from(bytes) : bytes) : readCsvRecords(bytes);
  if (records.length > IMPORT_MAX_ROWS) throw new AppError('VALIDATION', `一次最多导入${IMPORT_MAX_ROWS}行，请拆分文件`);
  return validateImportRecords(records, opts);
}
