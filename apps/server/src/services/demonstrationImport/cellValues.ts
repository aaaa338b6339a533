import { CATEGORIES, CATEGORY_LABELS, CATEGORY_SUB_TYPES, SUB_TYPE_LABELS, type Category } from '@fw/shared';

/** Readers of single import cells: each returns the normalised value or a Chinese reason. */
export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const SUB_TYPE_WORDS: Record<string, string> = {
  shared: 'shared',
  共享制造类: 'shared',
  共享制造: 'shared',
  other: 'other',
  其他类: 'other',
  design: 'design',
  工业设计特色类: 'design',
  工业设计类: 'design',
  general: 'general',
  综合类: 'general',
  '其他类（综合类）': 'general',
};

/** A sub-type for a category; 其他类 of a city means its 综合类 (the seeds use both names). */
function subTypeFor(category: Category, word: string): string | null {
  const key = SUB_TYPE_WORDS[word.trim()] ?? SUB_TYPE_WORDS[word.trim().toLowerCase()];
  if (!key) return null;
  const resolved = category === 'city' && key === 'other' ? 'general' : key;
  return CATEGORY_SUB_TYPES[category].includes(resolved) ? resolved : null;
}

function categoryWord(word: string): Category | null {
  const w = word.trim().replace(/^服务型制造/, '');
  const lower = w.toLowerCase();
  if ((CATEGORIES as readonly string[]).includes(lower)) return lower as Category;
  return CATEGORIES.find((c) => CATEGORY_LABELS[c] === w || CATEGORY_LABELS[c].replace(/^示范/, '') === w) ?? null;
}

/**
 * 示范企业, enterprise, 企业, 服务型制造示范平台（共享制造类）, 示范城市(工业设计特色类) …; the sub-type may
 * come in brackets or in its own column (both given: they must agree).
 */
export function readCategory(cell: string, subTypeCell: string): Cell<{ category: Category; subType: string | null }> {
  const text = cell.trim();
  if (text === '') return { ok: false, reason: '示范类别不能为空' };
  const m = /^(.*?)\s*[（(]\s*(.+?)\s*[）)]\s*$/.exec(text);
  const category = categoryWord(m ? m[1]! : text);
  if (!category) return { ok: false, reason: `无法识别的示范类别「${text}」（应为示范企业、示范平台、示范项目、示范城市或示范区）` };
  const words = [m?.[2], subTypeCell.trim()].filter((w): w is string => !!w);
  const subTypes = words.map((w) => ({ w, s: subTypeFor(category, w) }));
  const bad = subTypes.find((x) => x.s === null);
  if (bad) return { ok: false, reason: `子类「${bad.w}」不适用于${CATEGORY_LABELS[category]}` };
  const distinct = [...new Set(subTypes.map((x) => x.s))];
  if (distinct.length > 1) return { ok: false, reason: `示范类别与子类不一致（${distinct.map((s) => SUB_TYPE_LABELS[s!]).join('、')}）` };
  return { ok: true, value: { category, subType: distinct[0] ?? null } };
}

const DIGITS = '零一二三四五六七八九';

/** 1…99 as Chinese numerals (十, 十二, 二十一). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

function fromChinese(s: string): number | null {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return null;
  const digit = (c: string) => DIGITS.indexOf(c);
  if (!m[2]) return m[1] && !m[3] ? digit(m[1]) : null;
  return (m[1] ? digit(m[1]) : 1) * 10 + (m[3] ? digit(m[3]) : 0);
}

/** 第一批, 首批, 第1批, 1, 三 → 第N批 in Chinese numerals (as published units print it); 2023年 stays a year batch. */
export function readBatch(cell: string): Cell<string> {
  const text = cell.trim().replace(/\s/g, '');
  if (text === '') return { ok: false, reason: '批次不能为空' };
  if (text === '首批') return { ok: true, value: '第一批' };
  const year = /^(\d{4})年?$/.exec(text);
  if (year) return { ok: true, value: `${year[1]}年` };
  const m = /^第?(\d{1,2}|[一二三四五六七八九十]{1,3})批?$/.exec(text);
  const n = m ? (/^\d+$/.test(m[1]!) ? Number(m[1]) : fromChinese(m[1]!)) : null;
  if (n === null || n < 1 || n > 99) return { ok: false, reason: `无法识别的批次「${text}」（应为第一批、第二批…）` };
  return { ok: true, value: `第${chineseNumber(n)}批` };
}

/** A four-digit year (2021, 2021年, or a number cell) within [min, max]. */
export function readYear(cell: string, min: number, max: number): Cell<number> {
  const text = cell.trim();
  if (text === '') return { ok: false, reason: '年份不能为空' };
  const m = /^(\d{4})(\.0+)?年?$/.exec(text);
  if (!m) return { ok: false, reason: `年份「${text}」应为四位数字` };
  const year = Number(m[1]);
  if (year < min || year > max) return { ok: false, reason: `年份${year}超出范围（${min}—${max}年）` };
  return { ok: true, value: year };
}

export const MODE_MAX = 200;

/** Modes separated by 、，, ; / or line breaks, joined with 、 (the published list's form); blank: null. */
export function readMode(cell: string): Cell<string | null> {
  const modes = [...new Set(cell.split(/[、,，;；/\n]+/).map((s) => s.trim()).filter(Boolean))];
  if (modes.length === 0) return { ok: true, value: null };
  const value = modes.join('、');
  return value.length > MODE_MAX ? { ok: false, reason: `示范模式不超过${MODE_MAX}个字` } : { ok: true, value };
}
