import ExcelJS from 'exceljs';
import type { Actor, AppContext } from '../../context.js';
import { listAudit, type AuditFilter } from './listAudit.js';
import { SUBJECT_LABELS } from '../../presenters/authorityAudit.js';

/** The most rows one export carries; narrower filters give the rest. */
export const AUDIT_EXPORT_MAX = 20_000;

/** The audit log with the same filter as the list, as an XLSX workbook (newest first). */
export async function exportAudit(ctx: Pick<AppContext, 'db'>, actor: Actor, f: Omit<AuditFilter, 'page' | 'pageSize'>): Promise<Buffer> {
  const { items } = await listAudit(ctx, actor, { ...f, page: 1, pageSize: AUDIT_EXPORT_MAX });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('操作日志');
  ws.columns = [
    { header: '时间', key: 'at', width: 22 },
    { header: '操作人', key: 'actor', width: 24 },
    { header: '身份', key: 'role', width: 10 },
    { header: '操作', key: 'action', width: 18 },
    { header: '对象类型', key: 'subjectType', width: 10 },
    { header: '对象', key: 'subject', width: 36 },
    { header: '地区', key: 'region', width: 14 },
    { header: 'IP地址', key: 'ip', width: 16 },
    { header: '详情', key: 'detail', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of items) {
    ws.addRow({
      // China time for the reader; the export has no time zone of its own.
      at: new Date(new Date(e.at).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19),
      actor: e.actorName ?? '',
      role: e.actorRoleLabel ?? '',
      action: e.actionLabel,
      subjectType: SUBJECT_LABELS[e.subjectType] ?? e.subjectType,
      subject: e.subjectName ?? e.subjectId ?? '',
      region: e.regionName ?? e.regionCode ?? '',
      ip: e.ip ?? '',
      detail: e.detail ? JSON.stringify(e.detail) : '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
