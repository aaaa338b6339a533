import { FONT } from './fonts.js';
import { COLOR, CONTENT_LEFT, CONTENT_WIDTH, PAGE } from './layout.js';

/**
 * Header (round, 申报编号) and footer (第 x 页 / 共 y 页) on every buffered page. Runs last,
 * when the page count is known. The number on each sheet lets loose pages be matched to
 * the electronic submission.
 */
export function drawPageDecorations(doc: PDFKit.PDFDocument, roundName: string, number: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const headerY = PAGE.margin.top - 30;
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted);
    doc.text(roundName, CONTENT_LEFT, headerY, { width: CONTENT_WIDTH / 2, lineBreak: false });
    doc.text(`申报编号：${number}`, CONTENT_LEFT + CONTENT_WIDTH / 2, headerY, {
      width: CONTENT_WIDTH / 2,
      align: 'right',
      lineBreak: false,
    });
    const lineY = headerY + 15;
    doc.save().lineWidth(0.5).strokeColor(COLOR.muted).moveTo(CONTENT_LEFT, lineY).lineTo(CONTENT_LEFT + CONTENT_WIDTH, lineY).stroke().restore();

    const footerY = PAGE.height - PAGE.margin.bottom + 22;
    doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted);
    doc.text(`第 ${i - start + 1} 页 / 共 ${count} 页`, CONTENT_LEFT, footerY, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.fillColor(COLOR.text);
}
