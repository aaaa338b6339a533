import PDFDocument from 'pdfkit';
import { FONT, registerFonts } from './fonts.js';
import { summaryHeaderLine, type SummaryTableDoc, type SummaryTableSection } from './summaryTableDoc.js';

/** A4 landscape in points. */
const PAGE = { width: 841.89, height: 595.28, left: 40, right: 40, top: 40, bottom: 48 } as const;
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;
const PAD = { x: 4, y: 4 };
const BODY_SIZE = 9;
const BORDER = '#333333';
const HEADER_FILL = '#e8e8e8';

/**
 * 推荐汇总表 as PDF: A4 landscape, the title and header line on the first page, each category's
 * table with its column header repeated on every page it continues on, page numbers below.
 */
export async function renderSummaryPdf(input: SummaryTableDoc): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // Our own layout decides page breaks; a small pdfkit margin keeps it from adding pages itself.
    margins: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: 10 },
    bufferPages: true,
    info: { Title: input.title, Author: input.authority },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);

  doc.font(FONT.bold).fontSize(16).fillColor('#111111');
  doc.text(input.title, PAGE.left, PAGE.top, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.6);
  doc.font(FONT.regular).fontSize(10.5).text(summaryHeaderLine(input), PAGE.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
  for (const section of input.sections) drawSection(doc, section);
  drawPageNumbers(doc);
  doc.end();
  return finished;
}

function widthsOf(section: SummaryTableSection): number[] {
  const total = section.columns.reduce((s, c) => s + c.width, 0);
  return section.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], widths: number[], font: string): number {
  doc.font(font).fontSize(BODY_SIZE);
  const heights = cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PAD.x }));
  return Math.max(18, ...heights.map((h) => h + 2 * PAD.y));
}

function drawRow(doc: PDFKit.PDFDocument, section: SummaryTableSection, cells: string[], widths: number[], y: number, height: number, header: boolean): void {
  let x = PAGE.left;
  for (const [i, text] of cells.entries()) {
    const w = widths[i]!;
    if (header) doc.save().rect(x, y, w, height).fill(HEADER_FILL).restore();
    doc.save().lineWidth(0.6).strokeColor(BORDER).rect(x, y, w, height).stroke().restore();
    doc.font(header ? FONT.bold : FONT.regular).fontSize(BODY_SIZE).fillColor('#111111');
    const textHeight = doc.heightOfString(text || ' ', { width: w - 2 * PAD.x });
    const align = header ? 'center' : (section.columns[i]!.align ?? 'left');
    doc.text(text, x + PAD.x, y + (height - textHeight) / 2, { width: w - 2 * PAD.x, align });
    x += w;
  }
}

function drawSection(doc: PDFKit.PDFDocument, section: SummaryTableSection): void {
  const widths = widthsOf(section);
  const headers = section.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, widths, FONT.bold);
  const rows = section.rows.length ? section.rows : [section.columns.map(() => '')];
  const firstHeight = rowHeight(doc, rows[0]!, widths, FONT.regular);
  // Keep the heading with the column header and the first row.
  if (doc.y + 24 + headerHeight + firstHeight > CONTENT_BOTTOM) newPage(doc);
  doc.font(FONT.bold).fontSize(12).fillColor('#111111').text(section.heading, PAGE.left, doc.y + 4, { width: CONTENT_WIDTH });
  let y = doc.y + 4;
  drawRow(doc, section, headers, widths, y, headerHeight, true);
  y += headerHeight;
  for (const cells of rows) {
    const h = rowHeight(doc, cells, widths, FONT.regular);
    if (y + h > CONTENT_BOTTOM) {
      newPage(doc);
      y = PAGE.top;
      drawRow(doc, section, headers, widths, y, headerHeight, true);
      y += headerHeight;
    }
    drawRow(doc, section, cells, widths, y, h, false);
    y += h;
  }
  doc.x = PAGE.left;
  doc.y = y + 14;
}

function newPage(doc: PDFKit.PDFDocument): void {
  doc.addPage();
  doc.x = PAGE.left;
  doc.y = PAGE.top;
}

function drawPageNumbers(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.font(FONT.regular).fontSize(9).fillColor('#555555');
    doc.text(`第 ${i - start + 1} 页 / 共 ${count} 页`, PAGE.left, PAGE.height - PAGE.bottom + 18, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  }
}
