/**
 * The 推荐汇总表 as plain text cells, shared by the XLSX and the PDF renderer so both print the
 * same table (seed 002 附件2 / seed 004 附件3 layout).
 */
export interface SummaryTableColumn {
  header: string;
  /** Relative width, roughly in characters (an XLSX column width). */
  width: number;
  align?: 'left' | 'center';
}

export interface SummaryTableSection {
  /** e.g. 一、示范企业 or 二、示范平台（共享制造类） */
  heading: string;
  /** Title of the section's own sheet, e.g. 服务型制造示范遴选推荐汇总表（示范企业） */
  title: string;
  /** Worksheet name (≤ 31 characters, unique). */
  sheetName: string;
  columns: SummaryTableColumn[];
  rows: string[][];
}

export interface SummaryTableDoc {
  title: string;
  /** 推荐单位 */
  authority: string;
  /** 填报人 */
  preparer: string;
  /** 联系电话 */
  phone: string;
  sections: SummaryTableSection[];
}

/** The line under the title: who recommends, who filled it in, how to reach them. */
export function summaryHeaderLine(doc: Pick<SummaryTableDoc, 'authority' | 'preparer' | 'phone'>): string {
  return `推荐单位（盖章）：${doc.authority}　　　填报人：${doc.preparer}　　　联系电话：${doc.phone}`;
}
