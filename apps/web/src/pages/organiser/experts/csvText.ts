import { EXPERT_CSV_COLUMNS, type ExpertImportReport } from '@fw/shared';

/**
 * The text of an uploaded CSV: UTF-8 (with or without BOM) when it decodes cleanly, otherwise
 * GB 18030 — what Excel on a Chinese Windows saves as "CSV (逗号分隔)".
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A template with the header and one example row (opened by Excel thanks to the BOM). */
export function templateCsv(): string {
  const example = ['张三', 'zhang_san', '13800138000', '某某大学', '', '110108', '智能制造、工业设计', '示范企业、示范平台'];
  return `\uFEFF${EXPERT_CSV_COLUMNS.join(',')}\r\n${example.map(cell).join(',')}\r\n`;
}

/** The issued accounts and their one-time passwords, to hand out (downloaded once, never stored). */
export function issuedCsv(report: ExpertImportReport): string {
  const rows = [['行号', '姓名', '账号', '初始密码'], ...report.issued.map((r) => [String(r.line), r.name, r.username, r.initialPassword])];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file in the browser. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
