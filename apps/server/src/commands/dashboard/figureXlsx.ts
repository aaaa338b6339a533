import ExcelJS from 'exceljs';
import type { DashboardFigure } from '@fw/shared';

/** Header row of the table (title and heading above it). */
export const FIGURE_HEADER_ROW = 3;

/**
 * A dashboard figure as a one-sheet workbook: title, the round and region, then a table with the labels
 * down the first column, one column per series, and a 合计 row.
 */
export async function renderFigureXlsx(figure: DashboardFigure, opts: { heading: string; now?: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '服务型制造示范遴选申报平台';
  workbook.created = opts.now ?? new Date();
  // Sheet names may not hold []:*?/\ and are at most 31 characters.
  const ws = workbook.addWorksheet(figure.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: FIGURE_HEADER_ROW }] });
  const n = figure.series.length + 1;
  ws.columns = [{ width: 36 }, ...figure.series.map(() => ({ width: 16 }))];
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = figure.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = figure.note ? `${opts.heading}　${figure.note}` : opts.heading;
  const header = ws.getRow(FIGURE_HEADER_ROW);
  header.values = [figure.axis, ...figure.series.map((s) => s.name)];
  header.font = { bold: true };
  figure.labels.forEach((label, i) => ws.addRow([label, ...figure.series.map((s) => s.data[i] ?? 0)]));
  const total = ws.addRow(['合计', ...figure.series.map((s) => s.data.reduce((a, b) => a + b, 0))]);
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
