import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';

/** "广东省 深圳市 南山区" for each code, in one query (lists of entries and units). */
export async function regionNames(db: DbOrTx, codes: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  const chain = (c: string) => [...new Set([`${c.slice(0, 2)}0000`, `${c.slice(0, 4)}00`, c])];
  const all = [...new Set(wanted.flatMap(chain))];
  const rows = all.length ? await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, all)) : [];
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  const out = new Map<string, string>();
  for (const code of wanted) {
    const names = chain(code).map((c) => byCode.get(c)).filter((n): n is string => !!n);
    // Municipalities repeat their name at province and city level (北京市 北京市).
    out.set(code, names.filter((n, i) => n !== names[i - 1]).join(' ') || code);
  }
  return out;
}

/** The organiser's own name for titles (上海市); null for the ministry. */
export async function organiserName(db: DbOrTx, organiserRegion: string): Promise<string | null> {
  if (organiserRegion === '000000') return null;
  const names = await regionNames(db, [organiserRegion]);
  const path = names.get(organiserRegion) ?? '';
  return path.split(' ').pop() || null;
}
