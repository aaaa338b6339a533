import { drawChoices, measureChoices, type Choice } from './checkbox.js';
import { FONT, type FontName } from './fonts.js';
import { BODY_HEIGHT, COLOR, CONTENT_LEFT, LINE_GAP, SIZE, newPage, spaceLeft } from './layout.js';

export type CellContent =
  | {
      kind: 'text';
      text: string;
      font?: FontName;
      size?: number;
      align?: 'left' | 'center' | 'right';
      /** Blank space before the text, e.g. to put signature lines on the right half. */
      indent?: number;
    }
  | { kind: 'choices'; choices: Choice[]; size?: number };

export interface Cell {
  content: CellContent;
  /** Number of columns the cell covers (default 1). */
  span?: number;
  fill?: string;
  /** Short content is centred vertically like on the printed forms; boxes to write in start at the top. */
  valign?: 'middle' | 'top';
  /** What this cell shows on the continuation of a row split across pages, e.g. 主营业务（续）. */
  continued?: string;
}

export interface Row {
  cells: Cell[];
  minHeight?: number;
}

export interface Table {
  widths: number[];
  /** Drawn once at the start, kept on the same page as the first body row. */
  header?: Row[];
  /** Drawn before `header` only when the table itself starts on a new page (e.g. 一、…（续）). */
  leadOnNewPage?: Row[];
  /** Drawn again at the top of every page the table continues on. */
  repeatHeader?: Row[];
  rows: Row[];
}

const PAD_X = 5;
const PAD_Y = 4;
/** Rows taller than this may be split to avoid leaving half a page blank. */
const SPLIT_THRESHOLD = BODY_HEIGHT / 3;
const MIN_SPLIT_SPACE = 90;

export function text(value: string, opts: Omit<Extract<CellContent, { kind: 'text' }>, 'kind' | 'text'> = {}): CellContent {
  return { kind: 'text', text: value, ...opts };
}

function cellWidths(table: Table, row: Row): number[] {
  let col = 0;
  return row.cells.map((cell) => {
    const span = cell.span ?? 1;
    const w = table.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    return w;
  });
}

function setTextFont(doc: PDFKit.PDFDocument, content: Extract<CellContent, { kind: 'text' }>): void {
  doc.font(content.font ?? FONT.regular).fontSize(content.size ?? SIZE.body);
}

function contentHeight(doc: PDFKit.PDFDocument, content: CellContent, width: number): number {
  if (content.kind === 'choices') return measureChoices(doc, content.choices, width, content.size ?? SIZE.body);
  setTextFont(doc, content);
  const oneLine = doc.currentLineHeight(true) + LINE_GAP;
  if (!content.text) return oneLine;
  return Math.max(oneLine, doc.heightOfString(content.text, { width: width - (content.indent ?? 0), lineGap: LINE_GAP }));
}

export function rowHeight(doc: PDFKit.PDFDocument, table: Table, row: Row): number {
  const widths = cellWidths(table, row);
  const inner = row.cells.map((cell, i) => contentHeight(doc, cell.content, widths[i] - 2 * PAD_X));
  return Math.max(row.minHeight ?? 0, ...inner.map((h) => h + 2 * PAD_Y));
}

function rowsHeight(doc: PDFKit.PDFDocument, table: Table, rows: Row[] = []): number {
  return rows.reduce((sum, row) => sum + rowHeight(doc, table, row), 0);
}

function drawRow(doc: PDFKit.PDFDocument, table: Table, row: Row, y: number): number {
  const h = rowHeight(doc, table, row);
  const widths = cellWidths(table, row);
  let x = CONTENT_LEFT;
  row.cells.forEach((cell, i) => {
    const w = widths[i];
    if (cell.fill) doc.save().rect(x, y, w, h).fill(cell.fill).restore();
    const inner = w - 2 * PAD_X;
    // Centre short content vertically, as on the printed forms.
    const ch = contentHeight(doc, cell.content, inner);
    const ty = cell.valign === 'top' ? y + PAD_Y : y + Math.max(PAD_Y, (h - ch) / 2);
    if (cell.content.kind === 'choices') {
      drawChoices(doc, cell.content.choices, x + PAD_X, ty, inner, cell.content.size ?? SIZE.body);
    } else if (cell.content.text) {
      setTextFont(doc, cell.content);
      const indent = cell.content.indent ?? 0;
      doc.fillColor(COLOR.text).text(cell.content.text, x + PAD_X + indent, ty, {
        width: inner - indent,
        align: cell.content.align ?? 'left',
        lineGap: LINE_GAP,
      });
    }
    doc.save().lineWidth(0.6).strokeColor(COLOR.border).rect(x, y, w, h).stroke().restore();
    x += w;
  });
  return h;
}

/** Longest prefix of `value` whose wrapped height stays within `maxHeight`. */
function fittingPrefix(doc: PDFKit.PDFDocument, value: string, width: number, maxHeight: number): number {
  let lo = 0;
  let hi = value.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(value.slice(0, mid), { width, lineGap: LINE_GAP }) <= maxHeight) lo = mid;
    else hi = mid - 1;
  }
  // Prefer to cut after a line break or sentence end near the limit.
  const window = value.slice(Math.max(0, lo - 40), lo);
  const soft = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf('；'));
  return soft >= 0 && lo > 40 ? lo - window.length + soft + 1 : lo;
}

/** Split a tall row so its head fills `available`; null when nothing sensible fits. */
function splitRow(doc: PDFKit.PDFDocument, table: Table, row: Row, available: number): [Row, Row] | null {
  const widths = cellWidths(table, row);
  const maxInner = available - 2 * PAD_Y;
  const head: Cell[] = [];
  const tail: Cell[] = [];
  let splitAny = false;
  for (const [i, cell] of row.cells.entries()) {
    const inner = widths[i] - 2 * PAD_X;
    const content = cell.content;
    if (content.kind === 'text' && contentHeight(doc, content, inner) > maxInner) {
      setTextFont(doc, content);
      const n = fittingPrefix(doc, content.text, inner, maxInner);
      if (n === 0) return null;
      head.push({ ...cell, content: { ...content, text: content.text.slice(0, n).trimEnd() } });
      tail.push({ ...cell, content: { ...content, text: content.text.slice(n).replace(/^\s+/, '') } });
      splitAny = true;
    } else if (contentHeight(doc, content, inner) > maxInner) {
      return null;
    } else {
      head.push(cell);
      const rest = cell.continued ?? '';
      tail.push({ ...cell, content: content.kind === 'text' ? { ...content, text: rest } : text(rest) });
    }
  }
  return splitAny ? [{ cells: head }, { cells: tail }] : null;
}

function continueOnNewPage(doc: PDFKit.PDFDocument, table: Table): void {
  newPage(doc);
  for (const row of table.repeatHeader ?? []) doc.y += drawRow(doc, table, row, doc.y);
}

/**
 * Draw a bordered table at the cursor. Rows move whole to the next page when they do not fit;
 * only rows taller than a third of a page are split, each part a complete bordered row.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: Table): void {
  const headerHeight = rowsHeight(doc, table, table.header);
  const repeatHeight = rowsHeight(doc, table, table.repeatHeader);
  const first = table.rows[0];
  const firstHeight = first ? Math.min(rowHeight(doc, table, first), MIN_SPLIT_SPACE) : 0;
  if (spaceLeft(doc) < headerHeight + firstHeight) {
    newPage(doc);
    for (const row of table.leadOnNewPage ?? []) doc.y += drawRow(doc, table, row, doc.y);
  }
  for (const row of table.header ?? []) doc.y += drawRow(doc, table, row, doc.y);

  const queue = [...table.rows];
  let freshPage = false;
  while (queue.length > 0) {
    const row = queue.shift() as Row;
    const h = rowHeight(doc, table, row);
    const available = spaceLeft(doc);
    if (h <= available) {
      doc.y += drawRow(doc, table, row, doc.y);
      freshPage = false;
      continue;
    }
    const tooTall = h > BODY_HEIGHT - repeatHeight;
    if ((tooTall || (h > SPLIT_THRESHOLD && available >= MIN_SPLIT_SPACE)) && available >= 3 * PAD_Y + 20) {
      const parts = splitRow(doc, table, row, available);
      if (parts) {
        doc.y += drawRow(doc, table, parts[0], doc.y);
        queue.unshift(parts[1]);
        continueOnNewPage(doc, table);
        freshPage = true;
        continue;
      }
    }
    if (freshPage) {
      // Cannot split and does not fit an empty page: draw it anyway rather than loop forever.
      doc.y += drawRow(doc, table, row, doc.y);
      freshPage = false;
      continue;
    }
    continueOnNewPage(doc, table);
    freshPage = true;
    queue.unshift(row);
  }
}
