import ExcelJS from 'exceljs';
import { summaryHeaderLine, type SummaryTableDoc, type SummaryTableSection } from '../pdf/summaryTableDoc.js';

/** Rows above the table on every sheet: title, header line, section heading, column headers. */
export const SUMMARY_HEADER_ROW = 4;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF333333' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
// A4, as exceljs's PaperSize enum is const (not usable with isolated modules).
const A4 = 9 as ExcelJS.PaperSize;

/**
 * 推荐汇总表 as XLSX: one sheet per category (and sub-type), each printable on its own:
 * title merged over the table, bold bordered header frozen and repeated on every printed page,
 * A4 landscape fitted to the page width.
 */
export async function renderSummaryXlsx(doc: SummaryTableDoc, opts: { creator?: string; now?: Date } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = opts.creator ?? '服务型制造示范遴选申报平台';
  workbook.created = opts.now ?? new Date();
  for (const section of doc.sections) addSheet(workbook, doc, section);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, doc: SummaryTableDoc, section: SummaryTableSection): void {
  const ws = workbook.addWorksheet(section.sheetName, {
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const n = section.columns.length;
  ws.columns = section.columns.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = section.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = summaryHeaderLine(doc);
  ws.getCell(2, 1).alignment = { vertical: 'middle' };
  ws.getRow(2).height = 22;

  ws.mergeCells(3, 1, 3, n);
  ws.getCell(3, 1).value = section.heading;
  ws.getCell(3, 1).font = { bold: true, size: 12 };

  const header = ws.getRow(SUMMARY_HEADER_ROW);
  header.values = section.columns.map((c) => c.header);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  for (const values of section.rows) {
    // 序号 as a number; phone numbers and everything else stay text.
    const row = ws.addRow(values.map((v, i) => (i === 0 && /^\d+$/.test(v) ? Number(v) : v)));
    for (let i = 1; i <= n; i++) {
      const cell = row.getCell(i);
      cell.border = BORDER;
      cell.alignment = { horizontal: section.columns[i - 1]!.align ?? 'left', vertical: 'middle', wrapText: true };
    }
  }
}
