import { FONT } from './fonts.js';
import { COLOR, CONTENT_LEFT, CONTENT_WIDTH, ensureSpace } from './layout.js';
import { drawQr, type QrMatrix } from './qr.js';

const SIZE = 64;

/** Small QR at the end of the book, so the last sheet can be checked on its own as well. */
export function drawVerifyBlock(doc: PDFKit.PDFDocument, qr: QrMatrix, number: string, caption: string): void {
  ensureSpace(doc, SIZE + 16);
  const y = doc.y + 14;
  const qrX = CONTENT_LEFT + CONTENT_WIDTH - SIZE;
  drawQr(doc, qr, qrX, y, SIZE);
  const textWidth = CONTENT_WIDTH - SIZE - 8;
  doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
  doc.text(`申报编号：${number}`, CONTENT_LEFT, y + SIZE / 2 - 12, { width: textWidth, align: 'right' });
  doc.text(caption, CONTENT_LEFT, y + SIZE / 2 + 1, { width: textWidth, align: 'right' });
  doc.fillColor(COLOR.text);
  doc.y = y + SIZE;
}
