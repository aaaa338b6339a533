import { FONT } from './fonts.js';
import { COLOR, CONTENT_LEFT, CONTENT_WIDTH, SIZE, ensureSpace } from './layout.js';

/** Below this y the page already has content, so a heading needs its gap. */
const CONTENT_TOP_SLACK = 80;

/**
 * A heading above a table; `keepWith` is the room the following content needs on the same page
 * so a heading never ends a page alone.
 */
export function drawHeading(
  doc: PDFKit.PDFDocument,
  title: string,
  opts: { size?: number; align?: 'left' | 'center'; keepWith?: number; gapBefore?: number } = {},
): void {
  const size = opts.size ?? SIZE.heading;
  doc.font(FONT.bold).fontSize(size);
  const height = doc.heightOfString(title, { width: CONTENT_WIDTH }) + 8;
  const gap = opts.gapBefore ?? 14;
  ensureSpace(doc, gap + height + (opts.keepWith ?? 60));
  if (doc.y > CONTENT_TOP_SLACK) doc.y += gap;
  doc.fillColor(COLOR.text).text(title, CONTENT_LEFT, doc.y, { width: CONTENT_WIDTH, align: opts.align ?? 'left' });
  doc.y += 6;
}
