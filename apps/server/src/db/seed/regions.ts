import { areaList } from '@vant/area-data';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { regions } from '../schema/index.js';

/** The ministry's pseudo-region: the whole country. */
export const COUNTRY_CODE = '000000';

/** GB/T 2260 provinces, prefectures and districts from @vant/area-data (mainland codes only). */
export function regionRows() {
  const rows: { code: string; name: string; level: string; parentCode: string | null }[] = [];
  // GB/T 2260 provincial codes run from 11 to 82; the package also lists places abroad (9x).
  const mainland = (code: string) => Number(code.slice(0, 2)) >= 11 && Number(code.slice(0, 2)) <= 82;
  for (const [code, name] of Object.entries(areaList.province_list)) if (mainland(code)) rows.push({ code, name, level: 'province', parentCode: null });
  for (const [code, name] of Object.entries(areaList.city_list)) if (mainland(code)) rows.push({ code, name, level: 'city', parentCode: `${code.slice(0, 2)}0000` });
  for (const [code, name] of Object.entries(areaList.county_list)) if (mainland(code)) rows.push({ code, name, level: 'district', parentCode: `${code.slice(0, 4)}00` });
  return rows;
}

/** Loads the divisions once (idempotent). */
export async function seedRegions(db: Db): Promise<number> {
  const rows = regionRows();
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(regions).values(rows.slice(i, i + 500)).onConflictDoNothing();
  }
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  return r?.n ?? 0;
}
