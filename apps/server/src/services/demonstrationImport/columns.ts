import { AppError } from '../../errors.js';

/** The columns of a demonstration-unit import, as the normalised record names them. */
export const IMPORT_COLUMNS = ['name', 'uscc', 'region', 'category', 'subType', 'mode', 'batch', 'year'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns a file must have (mode and subType may be left out; cities have no mode). */
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['name', 'uscc', 'region', 'category', 'batch', 'year'];

export const COLUMN_LABELS: Record<ImportColumn, string> = {
  name: '名称',
  uscc: '统一社会信用代码',
  region: '所属地区',
  category: '示范类别',
  subType: '子类',
  mode: '示范模式',
  batch: '批次',
  year: '年份',
};

/** Header spellings accepted per column (compared after headerKey). */
const ALIASES: Record<ImportColumn, readonly string[]> = {
  name: ['name', 'unitname', '名称', '单位名称', '企业名称', '示范单位', '示范单位名称', '示范主体', '示范主体名称', '平台名称', '项目名称', '城市名称'],
  uscc: ['uscc', 'creditcode', 'socialcreditcode', '统一社会信用代码', '社会信用代码', '信用代码'],
  region: ['region', 'regioncode', 'area', '地区', '所属地', '所属地区', '地区代码', '行政区划', '行政区划代码', '所在地区', '省市'],
  category: ['category', '类别', '示范类别', '遴选类别', '示范类型'],
  subType: ['subtype', 'kind', '子类', '细分类别', '平台类别', '城市类别'],
  mode: ['mode', 'modes', '模式', '示范模式', '服务型制造模式', '主要模式'],
  batch: ['batch', '批次', '示范批次', '认定批次'],
  year: ['year', '年份', '年度', '认定年份', '认定年度', '发布年份'],
};

/** A header as compared: lower case, without spaces, underscores, dashes and a trailing note in brackets. */
export function headerKey(header: string): string {
  return header
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/[\s_\-*]/g, '')
    .toLowerCase();
}

const BY_ALIAS = new Map<string, ImportColumn>(IMPORT_COLUMNS.flatMap((c) => ALIASES[c].map((a) => [headerKey(a), c] as const)));

export function columnOf(header: string): ImportColumn | null {
  return BY_ALIAS.get(headerKey(header)) ?? null;
}

/**
 * The column of each header cell (null: ignored). Refuses the file when a required column is missing
 * or a column appears twice, with a Chinese message naming them.
 */
export function mapHeader(headers: readonly string[]): (ImportColumn | null)[] {
  const mapped = headers.map(columnOf);
  const twice = IMPORT_COLUMNS.filter((c) => mapped.filter((m) => m === c).length > 1);
  if (twice.length > 0) throw new AppError('VALIDATION', `表头中有重复的列：${twice.map((c) => COLUMN_LABELS[c]).join('、')}`);
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !mapped.includes(c));
  if (missing.length > 0) {
    throw new AppError('VALIDATION', `缺少列：${missing.map((c) => COLUMN_LABELS[c]).join('、')}（第一行应为表头，中英文列名均可，如：名称/name、统一社会信用代码/uscc、所属地区/region、示范类别/category、示范模式/mode、批次/batch、年份/year）`);
  }
  return mapped;
}
