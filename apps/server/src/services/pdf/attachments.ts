import { FONT } from './fonts.js';
import { fileSize } from './format.js';
import { drawHeading } from './heading.js';
import { COLOR, CONTENT_WIDTH } from './layout.js';
import { drawTable, text, type Row } from './table.js';

export interface AttachmentFile {
  slot: string;
  slotLabel: string;
  name: string;
  size: number;
  sha256: string;
}

const WIDTHS = [30, 92, 130, 50, CONTENT_WIDTH - 302];

/** The hash in two fixed halves: Courier wraps nowhere on its own inside a hex string. */
export function hashLines(sha256: string): string {
  const half = Math.ceil(sha256.length / 2);
  return `${sha256.slice(0, half)}\n${sha256.slice(half)}`;
}

export function drawAttachments(doc: PDFKit.PDFDocument, files: AttachmentFile[]): void {
  drawHeading(doc, '附件清单', { keepWith: 70 });
  const head: Row = {
    cells: ['序号', '材料类型', '文件名', '大小', 'SHA-256 校验值'].map((label) => ({
      content: text(label, { font: FONT.bold, size: 9, align: 'center' }),
      fill: COLOR.labelFill,
    })),
  };
  const rows: Row[] = files.map((f, i) => ({
    cells: [
      { content: text(String(i + 1), { size: 9, align: 'center' }) },
      { content: text(f.slotLabel, { size: 9 }) },
      { content: text(f.name, { size: 9 }) },
      { content: text(fileSize(f.size), { size: 9, align: 'right' }) },
      { content: text(hashLines(f.sha256), { font: FONT.mono, size: 7.5 }) },
    ],
  }));
  if (rows.length === 0) rows.push({ cells: [{ content: text('（未上传附件）', { align: 'center' }), span: WIDTHS.length }] });
  const continued: Row = {
    cells: [{ content: text('附件清单（续）', { font: FONT.bold }), span: WIDTHS.length, fill: COLOR.titleFill }],
  };
  drawTable(doc, { widths: WIDTHS, header: [head], repeatHeader: [continued, head], rows });
}
