import { regionRows } from '../../db/seed/regions.js';

/**
 * Region cells of an import: a GB/T 2260 code, or a name resolved through the same division list
 * the regions table is seeded from (@vant/area-data). Names are matched as written (南山区), with their
 * parents (广东省深圳市南山区, 深圳市南山区, separators allowed), or for provinces and cities without
 * their suffix (广东, 深圳).
 */
interface Division {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface RegionIndex {
  byCode: Map<string, Division>;
  byName: Map<string, string[]>;
}

export type RegionResolution = { ok: true; code: string } | { ok: false; reason: string };

const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '特别行政区', '自治州', '地区', '省', '市', '盟'];
const SEPARATORS = /[\s/\\|,，、·\-－>＞]/g;

function shortName(name: string): string | null {
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  const short = suffix ? name.slice(0, -suffix.length) : name;
  return short.length >= 2 && short !== name ? short : null;
}

function add(map: Map<string, string[]>, name: string, code: string): void {
  const list = map.get(name) ?? [];
  if (!list.includes(code)) list.push(code);
  map.set(name, list);
}

let cached: RegionIndex | null = null;

/** The index of every mainland division (built once). */
export function regionIndex(): RegionIndex {
  if (cached) return cached;
  const byCode = new Map<string, Division>(regionRows().map((r) => [r.code, { code: r.code, name: r.name, parentCode: r.parentCode }]));
  const byName = new Map<string, string[]>();
  for (const d of byCode.values()) {
    const chain = [d];
    for (let p = d.parentCode ? byCode.get(d.parentCode) : undefined; p; p = p.parentCode ? byCode.get(p.parentCode) : undefined) chain.unshift(p);
    // Every tail of the chain: 南山区, 深圳市南山区, 广东省深圳市南山区.
    for (let i = 0; i < chain.length; i++) add(byName, chain.slice(i).map((c) => c.name).join(''), d.code);
    if (!d.parentCode || d.code.endsWith('00')) {
      const short = shortName(d.name);
      if (short) add(byName, short, d.code);
    }
  }
  cached = { byCode, byName };
  return cached;
}

/** The full name of a division: 广东省深圳市南山区 (a municipality's city level is not repeated). */
export function regionFullName(code: string, index: RegionIndex = regionIndex()): string {
  const names: string[] = [];
  for (let d = index.byCode.get(code); d; d = d.parentCode ? index.byCode.get(d.parentCode) : undefined) {
    if (names[0] !== d.name) names.unshift(d.name);
  }
  return names.join('');
}

/** Whether `outer` is `inner` or one of its parents. */
function contains(index: RegionIndex, outer: string, inner: string): boolean {
  for (let d = index.byCode.get(inner); d; d = d.parentCode ? index.byCode.get(d.parentCode) : undefined) if (d.code === outer) return true;
  return false;
}

export function resolveRegion(cell: string, index: RegionIndex = regionIndex()): RegionResolution {
  const text = cell.trim();
  if (text === '') return { ok: false, reason: '所属地区不能为空' };
  if (/^\d+$/.test(text)) {
    if (!/^\d{6}$/.test(text)) return { ok: false, reason: `行政区划代码「${text}」应为6位数字` };
    return index.byCode.has(text) ? { ok: true, code: text } : { ok: false, reason: `行政区划代码「${text}」不存在` };
  }
  const codes = index.byName.get(text.replace(SEPARATORS, '')) ?? [];
  if (codes.length === 0) return { ok: false, reason: `无法识别的地区「${text}」，请填写6位行政区划代码或完整地区名称` };
  // A municipality is both a province and a city of the same name (北京市): take the one containing the rest.
  const top = codes.find((c) => codes.every((other) => contains(index, c, other)));
  if (top) return { ok: true, code: top };
  const names = codes.map((c) => regionFullName(c, index)).join('、');
  return { ok: false, reason: `地区名称「${text}」不唯一（${names}），请填写行政区划代码或带上级地区名称` };
}
