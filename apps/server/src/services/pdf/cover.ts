import { FONT } from './fonts.js';
import { chineseDate } from './format.js';
import { COLOR, CONTENT_LEFT, CONTENT_WIDTH } from './layout.js';
import { drawQr, type QrMatrix } from './qr.js';

export interface CoverInput {
  roundName: string;
  categoryTitle: string;
  applicantName: string;
  recommender: string;
  submittedAt: Date;
  number: string;
  qr: QrMatrix;
}

/** Cover QR position, exported so the tests can sample the rendered page. */
const QR_SIZE = 120;
export const COVER_QR = { size: QR_SIZE, top: 600, left: CONTENT_LEFT + (CONTENT_WIDTH - QR_SIZE) / 2 } as const;
export const COVER_QR_CAPTION = '扫码核验申报编号是否为最新提交版本';

const LINE_LABEL_WIDTH = 80;
const LINE_VALUE_WIDTH = 260;
const LINE_LEFT = CONTENT_LEFT + (CONTENT_WIDTH - LINE_LABEL_WIDTH - LINE_VALUE_WIDTH) / 2;

function centered(doc: PDFKit.PDFDocument, value: string, y: number, font: string, size: number, color: string = COLOR.text) {
  doc.font(font).fontSize(size).fillColor(color);
  doc.text(value, CONTENT_LEFT, y, { width: CONTENT_WIDTH, align: 'center' });
}

/** 申报单位 ________ : the value sits on an underline; an empty value leaves the line to fill by hand. */
function coverLine(doc: PDFKit.PDFDocument, label: string, value: string, y: number): number {
  // Long names shrink a little rather than run over three lines.
  doc.font(FONT.regular).fontSize(14);
  const size = doc.heightOfString(value || ' ', { width: LINE_VALUE_WIDTH }) > 2.5 * doc.currentLineHeight(true) ? 12 : 14;
  doc.font(FONT.bold).fontSize(14).fillColor(COLOR.text);
  doc.text(label, LINE_LEFT, y, { width: LINE_LABEL_WIDTH, characterSpacing: label.length <= 4 ? 2 : 0 });
  doc.font(FONT.regular).fontSize(size);
  const vx = LINE_LEFT + LINE_LABEL_WIDTH;
  const height = Math.max(doc.currentLineHeight(true), doc.heightOfString(value || ' ', { width: LINE_VALUE_WIDTH }));
  if (value) doc.text(value, vx, y, { width: LINE_VALUE_WIDTH, align: 'center' });
  const lineY = y + height + 1;
  doc.save().lineWidth(0.8).strokeColor(COLOR.text).moveTo(vx, lineY).lineTo(vx + LINE_VALUE_WIDTH, lineY).stroke().restore();
  return lineY + 22;
}

export function drawCover(doc: PDFKit.PDFDocument, input: CoverInput): void {
  centered(doc, input.roundName, 150, FONT.regular, 16, COLOR.muted);
  centered(doc, '服务型制造示范遴选申报书', 190, FONT.bold, 28);
  centered(doc, input.categoryTitle, 250, FONT.bold, 18);

  let y = 340;
  y = coverLine(doc, '申报单位', input.applicantName, y);
  y = coverLine(doc, '申报类型', input.categoryTitle, y);
  y = coverLine(doc, '推荐单位', input.recommender, y);
  coverLine(doc, '申报日期', chineseDate(input.submittedAt), y);

  centered(doc, `申报编号：${input.number}`, COVER_QR.top - 40, FONT.bold, 13);
  drawQr(doc, input.qr, COVER_QR.left, COVER_QR.top, COVER_QR.size);
  centered(doc, COVER_QR_CAPTION, COVER_QR.top + COVER_QR.size + 6, FONT.regular, 9, COLOR.muted);
}
