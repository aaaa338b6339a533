import PDFDocument from 'pdfkit';
import { formatText, type FormContext, type FormSpec } from '@fw/shared';
import { drawAttachments, type AttachmentFile } from './attachments.js';
import { COVER_QR_CAPTION, drawCover } from './cover.js';
import { registerFonts } from './fonts.js';
import { drawHeading } from './heading.js';
import { PAGE, SIZE, newPage } from './layout.js';
import { drawOpinion } from './opinion.js';
import { drawPageDecorations } from './pageDecorations.js';
import { qrMatrix } from './qr.js';
import { drawSection } from './section.js';
import { drawVerifyBlock } from './verifyBlock.js';

export interface ApplicationBookInput {
  /** 申报编号, printed on every page. */
  number: string;
  roundName: string;
  /** e.g. 示范平台（共享制造类） */
  categoryTitle: string;
  applicantName: string;
  /** 推荐单位; '' prints a blank line to fill by hand. */
  recommender: string;
  /** Cover date. */
  submittedAt: Date;
  spec: FormSpec;
  /** Form values by field key. */
  data: Record<string, unknown>;
  /** Value of a field filled from the organisation (`from`). */
  resolveFrom: (from: string) => string;
  /** The round's years, the columns of every yearTable. */
  indicatorYears: number[];
  files: AttachmentFile[];
  /** Encoded in the cover QR code (and small on the last page). */
  verifyUrl: string;
  /** 推荐意见 of the authority; empty box when absent. */
  opinion?: string | null;
  /**
   * The round's config and the sub-type. Optional, but without it label tokens such as
   * {latestYear} print raw, mode lists print as text and showIf on '$subType' is guessed.
   */
  context?: FormContext;
}

/** Render the printable 申报书: cover, the 申报表 sections, 附件清单 and the 推荐意见 box. */
export async function renderApplicationBook(input: ApplicationBookInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    // pdfkit's own bottom margin is kept small: our layout decides page breaks (see layout.ts),
    // and the footer is written below the content area.
    margins: { ...PAGE.margin, bottom: 20 },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: `服务型制造示范遴选申报书 ${input.number}`, Author: input.applicantName, Subject: input.roundName },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  registerFonts(doc);
  const qr = qrMatrix(input.verifyUrl);
  drawCover(doc, { ...input, qr });

  newPage(doc);
  drawHeading(doc, input.context ? formatText(input.spec.title, input.context) : input.spec.title, { size: SIZE.formTitle, align: 'center', keepWith: 80, gapBefore: 0 });
  doc.y += 4;
  const values = {
    data: input.data,
    resolveFrom: input.resolveFrom,
    indicatorYears: input.indicatorYears,
    context: input.context,
  };
  for (const section of input.spec.sections) {
    drawSection(doc, section, values);
    doc.y += 10;
  }

  drawAttachments(doc, input.files);
  drawOpinion(doc, input.opinion);
  drawVerifyBlock(doc, qr, input.number, COVER_QR_CAPTION);

  drawPageDecorations(doc, input.roundName, input.number);
  doc.end();
  return finished;
}
