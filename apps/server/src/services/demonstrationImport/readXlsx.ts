import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';
import { mapHeader } from './columns.js';
import type { RawImportRecord } from './validateRecords.js';

/** A cell as the text a person sees in it (numbers without exponent, dates as YYYY-MM-DD). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null || typeof result === 'object' ? (result instanceof Date ? result.toISOString().slice(0, 10) : '') : String(result);
  }
  if ('text' in v) return String(v.text);
  return cell.text ?? '';
}

/**
 * The data rows of the first worksheet of an XLSX import: the first non-empty row is the header.
 * Row numbers are the spreadsheet's own.
 */
export async function readXlsxRecords(bytes: Buffer): Promise<RawImportRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '无法读取该 XLSX 文件，请确认文件未损坏且为 Excel 2007 及以上格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', '文件中没有工作表');
  let columns: ReturnType<typeof mapHeader> | null = null;
  const records: RawImportRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const texts: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) texts[i - 1] = cellText(row.getCell(i)).trim();
    if (!columns) {
      if (texts.every((t) => t === '')) return;
      columns = mapHeader(texts);
      return;
    }
    const record: RawImportRecord = { row: row.number, cells: {} };
    columns.forEach((c, i) => {
      if (!c) return;
      record.cells[c] = texts[i] ?? '';
      if (c === 'uscc' && typeof row.getCell(i + 1).value === 'number') record.usccWasNumber = true;
    });
    records.push(record);
  });
  if (!columns) throw new AppError('VALIDATION', '文件为空');
  return records;
}
