import { FONT } from './fonts.js';
import { COLOR, LINE_GAP } from './layout.js';

/** One tickable option as printed on paper forms: ☑ 共享制造  ☐ 其他模式. */
export interface Choice {
  label: string;
  checked: boolean;
}

const BOX_GAP = 4; // between box and its label
const ITEM_GAP = 14; // between two options on the same line

function boxSize(fontSize: number): number {
  return fontSize * 0.9;
}

interface PlacedChoice {
  choice: Choice;
  dx: number;
  dy: number;
  labelWidth: number;
}

/**
 * Flow the options left to right and wrap them like words. The font lacks ☑/☐, so boxes are
 * drawn as vectors; a label longer than the line wraps inside its own column.
 */
function place(doc: PDFKit.PDFDocument, choices: Choice[], width: number, fontSize: number) {
  doc.font(FONT.regular).fontSize(fontSize);
  const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
  const box = boxSize(fontSize);
  const placed: PlacedChoice[] = [];
  let dx = 0;
  let dy = 0;
  let rowHeight = lineHeight;
  for (const choice of choices) {
    const natural = doc.widthOfString(choice.label);
    const maxLabel = width - box - BOX_GAP;
    const labelWidth = Math.min(natural, maxLabel);
    const itemWidth = box + BOX_GAP + labelWidth;
    if (dx > 0 && dx + itemWidth > width) {
      dx = 0;
      dy += rowHeight;
      rowHeight = lineHeight;
    }
    const labelHeight = doc.heightOfString(choice.label, { width: labelWidth + 0.5, lineGap: LINE_GAP });
    rowHeight = Math.max(rowHeight, labelHeight);
    placed.push({ choice, dx, dy, labelWidth });
    dx += itemWidth + ITEM_GAP;
  }
  return { placed, height: dy + rowHeight };
}

export function measureChoices(doc: PDFKit.PDFDocument, choices: Choice[], width: number, fontSize: number): number {
  return place(doc, choices, width, fontSize).height;
}

export function drawChoices(
  doc: PDFKit.PDFDocument,
  choices: Choice[],
  x: number,
  y: number,
  width: number,
  fontSize: number,
): void {
  const { placed } = place(doc, choices, width, fontSize);
  const box = boxSize(fontSize);
  const lineHeight = doc.currentLineHeight(true);
  for (const { choice, dx, dy, labelWidth } of placed) {
    const bx = x + dx;
    const by = y + dy + (lineHeight - box) / 2 + 0.5;
    doc.save().lineWidth(0.7).strokeColor(COLOR.text).rect(bx, by, box, box).stroke().restore();
    if (choice.checked) {
      // ✓ exists in Noto Sans SC, so the tick also survives text extraction.
      doc.font(FONT.bold).fontSize(fontSize * 1.05).fillColor(COLOR.text);
      doc.text('✓', bx + box * 0.08, y + dy - fontSize * 0.05, { lineBreak: false });
    }
    doc.font(FONT.regular).fontSize(fontSize).fillColor(COLOR.text);
    doc.text(choice.label, bx + box + BOX_GAP, y + dy, { width: labelWidth + 0.5, lineGap: LINE_GAP });
  }
}
