import { FONT } from './fonts.js';
import { BODY_HEIGHT, COLOR, CONTENT_WIDTH, ensureSpace } from './layout.js';
import { drawTable, rowHeight, text, type Table } from './table.js';

const SIGNATURE = '推荐单位（盖章）：\n\n日期：            年        月        日';

/** The authority's 推荐意见 box; left empty (room to write by hand) until it has recommended. */
export function drawOpinion(doc: PDFKit.PDFDocument, opinion: string | null | undefined): void {
  const table: Table = {
    widths: [CONTENT_WIDTH],
    header: [{ cells: [{ content: text('推荐单位意见', { font: FONT.bold }), fill: COLOR.labelFill }] }],
    repeatHeader: [{ cells: [{ content: text('推荐单位意见（续）', { font: FONT.bold }), fill: COLOR.labelFill }] }],
    rows: [
      { cells: [{ content: text(opinion?.trim() ?? ''), valign: 'top' }], minHeight: 140 },
      { cells: [{ content: text(SIGNATURE, { indent: CONTENT_WIDTH * 0.5 }) }], minHeight: 80 },
    ],
  };
  doc.y += 18;
  // Keep the whole box on one page whenever it can fit one.
  const total = [...(table.header ?? []), ...table.rows].reduce((h, row) => h + rowHeight(doc, table, row), 0);
  if (total <= BODY_HEIGHT) ensureSpace(doc, total);
  drawTable(doc, table);
}
