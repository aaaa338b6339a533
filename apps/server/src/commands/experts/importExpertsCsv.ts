import { parse } from 'csv-parse/sync';
import { CATEGORIES, CATEGORY_LABELS, EXPERT_CSV_COLUMNS, EXPERT_CSV_LIST_SEPARATOR, issueExpertBody, type ExpertImportReport } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { issueExpert } from './issueExpert.js';

/** Column names as the row report names them. */
const COLUMN_LABELS: Record<string, string> = {
  name: '姓名',
  username: '账号名',
  mobile: '手机号',
  employerName: '工作单位',
  employerUscc: '单位统一社会信用代码',
  regionCode: '地区代码',
  fields: '专业领域',
  categories: '评审类别',
};

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(EXPERT_CSV_LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

/** Categories by code (enterprise) or by label (示范企业); an unknown one is kept so validation names it. */
function categoryOf(cell: string): string {
  const byLabel = CATEGORIES.find((c) => CATEGORY_LABELS[c] === cell);
  return byLabel ?? cell.toLowerCase();
}

/**
 * Bulk issuing of experts into the actor's pool from CSV (header:
 * name,username,mobile,employer,employer_uscc,region_code,fields,categories; lists inside a cell
 * separated by 、 or ;). Every row goes through issueExpert, so the same rules apply; a bad row is
 * reported with its line and reason and does not stop the rest.
 */
export async function importExpertsCsv(ctx: AppContext, actor: Actor, csv: string): Promise<ExpertImportReport> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, bom: true, trim: true, relax_column_count: true });
  } catch (err) {
    throw new AppError('VALIDATION', `CSV 格式错误：${(err as Error).message}`);
  }
  const first = records[0];
  const missing = first ? EXPERT_CSV_COLUMNS.filter((c) => !(c in first)) : [...EXPERT_CSV_COLUMNS];
  if (missing.length) throw new AppError('VALIDATION', `CSV 缺少列：${missing.join(', ')}（第一行应为列名：${EXPERT_CSV_COLUMNS.join(',')}）`);

  const report: ExpertImportReport = { issued: [], rejected: [] };
  for (const [i, rec] of records.entries()) {
    const line = i + 2;
    const parsed = issueExpertBody.safeParse({
      name: rec.name,
      username: rec.username,
      mobile: rec.mobile || null,
      employerName: rec.employer,
      employerUscc: rec.employer_uscc || null,
      regionCode: rec.region_code,
      fields: list(rec.fields),
      categories: list(rec.categories).map(categoryOf),
    });
    if (!parsed.success) {
      const message = parsed.error.issues.map((x) => `${COLUMN_LABELS[String(x.path[0])] ?? x.path.join('.')}：${x.message}`).join('；');
      report.rejected.push({ line, username: rec.username ?? '', message });
      continue;
    }
    try {
      const { initialPassword } = await issueExpert(ctx, actor, { ...parsed.data, via: 'csv' });
      report.issued.push({ line, username: parsed.data.username, name: parsed.data.name, initialPassword });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      report.rejected.push({ line, username: parsed.data.username, message: err.message });
    }
  }
  return report;
}
