import { CATEGORY_LABELS, SUB_TYPE_LABELS, type Category } from '@fw/shared';
import type { SummaryTableColumn, SummaryTableDoc, SummaryTableSection } from '../../services/pdf/summaryTableDoc.js';
import type { Summary, SummarySection } from './loadSummary.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const SUMMARY_TITLE = '服务型制造示范遴选推荐汇总表';

const NAME_HEADER: Record<Category, string> = {
  enterprise: '企业名称',
  platform: '平台名称',
  project: '项目名称',
  city: '城市名称',
  district: '区名称',
};

/** Columns of one category's table (seeds 002/004): modes where the category has them, platform service kind, city sub-type. */
function columnsFor(category: Category, subType: string | null): { column: SummaryTableColumn; value: (r: SummarySection['rows'][number]) => string }[] {
  const name = subType && category === 'platform' ? `${NAME_HEADER[category]}（${SUB_TYPE_LABELS[subType] ?? subType}）` : NAME_HEADER[category];
  const cols: { column: SummaryTableColumn; value: (r: SummarySection['rows'][number]) => string }[] = [
    { column: { header: '序号', width: 6, align: 'center' }, value: (r) => String(r.seq) },
    { column: { header: name, width: 34 }, value: (r) => r.organisationName },
  ];
  if (category === 'enterprise' || category === 'platform' || category === 'project') {
    cols.push({ column: { header: '示范模式', width: 28 }, value: (r) => r.modes.join('、') });
  }
  if (category === 'platform') cols.push({ column: { header: '公共服务/应用服务提供商', width: 16, align: 'center' }, value: (r) => r.serviceKind ?? '' });
  if (category === 'city') cols.push({ column: { header: '类型', width: 18, align: 'center' }, value: (r) => r.subTypeLabel ?? '' });
  cols.push(
    { column: { header: '联系人', width: 10, align: 'center' }, value: (r) => r.contactName },
    { column: { header: '联系电话', width: 15, align: 'center' }, value: (r) => r.contactMobile },
    { column: { header: '电子邮箱', width: 26 }, value: (r) => r.contactEmail },
  );
  return cols;
}

/** The summary as printable cells; `preparer`/`phone` override the account's contact. */
export function summaryTableDoc(summary: Summary, header: { preparer?: string; phone?: string } = {}): SummaryTableDoc {
  const categories = summary.round.config.categories;
  const sections = summary.sections.map((s): SummaryTableSection => {
    const cols = columnsFor(s.category, s.subType);
    const kind = s.subType ? `${CATEGORY_LABELS[s.category]}（${SUB_TYPE_LABELS[s.subType] ?? s.subType}）` : CATEGORY_LABELS[s.category];
    const numeral = NUMERALS[categories.indexOf(s.category)] ?? String(categories.indexOf(s.category) + 1);
    return {
      heading: `${numeral}、${kind}`,
      title: `${SUMMARY_TITLE}（${CATEGORY_LABELS[s.category]}）`,
      sheetName: kind.slice(0, 31),
      columns: cols.map((c) => c.column),
      rows: s.rows.map((r) => cols.map((c) => c.value(r))),
    };
  });
  const only = new Set(summary.sections.map((s) => s.category));
  const [single] = [...only];
  return {
    title: only.size === 1 && single ? `${SUMMARY_TITLE}（${CATEGORY_LABELS[single]}）` : SUMMARY_TITLE,
    authority: summary.authority,
    preparer: header.preparer?.trim() || summary.preparer,
    phone: header.phone?.trim() || summary.phone,
    sections,
  };
}
