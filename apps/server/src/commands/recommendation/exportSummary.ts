import type { Actor, AppContext } from '../../context.js';
import { recordAudit } from '../../services/audit.js';
import { renderSummaryPdf } from '../../services/pdf/summaryTable.js';
import { renderSummaryXlsx } from '../../services/xlsx/summaryTable.js';
import { loadSummary } from './loadSummary.js';
import { summaryTableDoc } from './summaryLayout.js';

export interface SummaryExportInput {
  format: 'xlsx' | 'pdf';
  category?: string;
  subType?: string;
  /** 填报人 and 联系电话 printed in the header; default: the account's contact. */
  preparer?: string;
  phone?: string;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The 推荐汇总表 file; the download is logged because it carries full contact numbers. */
export async function exportSummary(ctx: AppContext, actor: Actor, roundId: string, input: SummaryExportInput) {
  const summary = await loadSummary(ctx, actor, roundId, { category: input.category, subType: input.subType });
  const doc = summaryTableDoc(summary, { preparer: input.preparer, phone: input.phone });
  const body = input.format === 'xlsx' ? await renderSummaryXlsx(doc, { creator: summary.authority, now: ctx.now() }) : await renderSummaryPdf(doc);
  await recordAudit(ctx.db, {
    actorId: actor.id,
    action: 'review.summary.export',
    subjectType: 'round',
    subjectId: summary.round.id,
    regionCode: actor.regionCode,
    detail: { format: input.format, category: input.category ?? null, subType: input.subType ?? null, rows: summary.sections.reduce((s, x) => s + x.rows.length, 0) },
    ip: actor.ip,
  });
  return { body, contentType: CONTENT_TYPES[input.format], filename: `${doc.title}-${summary.authority}.${input.format}` };
}
