/** A4 page geometry in points. The wider left margin leaves room for binding (装订). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margin: { top: 72, bottom: 68, left: 78, right: 50 },
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const CONTENT_LEFT = PAGE.margin.left;
export const CONTENT_TOP = PAGE.margin.top;
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin.bottom;
export const BODY_HEIGHT = CONTENT_BOTTOM - CONTENT_TOP;

export const COLOR = {
  text: '#111111',
  muted: '#555555',
  border: '#333333',
  labelFill: '#f0f0f0',
  titleFill: '#dcdcdc',
} as const;

export const SIZE = {
  body: 10,
  small: 8,
  heading: 13,
  formTitle: 16,
} as const;

/** Extra space between wrapped lines of body text. */
export const LINE_GAP = 2;

export function spaceLeft(doc: PDFKit.PDFDocument): number {
  return CONTENT_BOTTOM - doc.y;
}

/** Start a new page unless `height` still fits below the cursor. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (spaceLeft(doc) < height) newPage(doc);
}

export function newPage(doc: PDFKit.PDFDocument): void {
  doc.addPage();
  doc.x = CONTENT_LEFT;
  doc.y = CONTENT_TOP;
}
