import { inArray } from 'drizzle-orm';
import { COUNTRY } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';

/**
 * Short names of many regions at once for lists: "深圳市南山区", "北京市海淀区", "广东省". One query
 * for the codes and their ancestors, instead of one per row.
 */
export async function regionNames(db: DbOrTx, codes: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const code of codes) {
    if (!code || !/^\d{6}$/.test(code) || code === COUNTRY) continue;
    wanted.add(code).add(`${code.slice(0, 4)}00`).add(`${code.slice(0, 2)}0000`);
  }
  const names = new Map<string, string>([[COUNTRY, '全国']]);
  if (wanted.size === 0) return names;
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, [...wanted]));
  const base = new Map(rows.map((r) => [r.code, r.name]));
  for (const code of wanted) {
    const own = base.get(code);
    if (!own) continue;
    const province = base.get(`${code.slice(0, 2)}0000`);
    const city = base.get(`${code.slice(0, 4)}00`);
    // A district is named with its city (or its municipality); a city with nothing else.
    const parent = code.endsWith('00') ? null : (city && city !== own ? city : province);
    names.set(code, parent && parent !== own && !code.endsWith('0000') ? `${parent}${own}` : own);
  }
  return names;
}
