import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { regions } from '../schema/index.js';

/** "广东省 深圳市 南山区" for a district code; each level once. */
export async function regionPath(db: DbOrTx, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const codes = [...new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code])];
  const rows = await db.select().from(regions).where(inArray(regions.code, codes));
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  const names = codes.map((c) => byCode.get(c)).filter((n): n is string => !!n);
  // Municipalities repeat their name at province and city level (北京市 北京市).
  return names.filter((n, i) => n !== names[i - 1]).join(' ') || null;
}

export async function findRegion(db: DbOrTx, code: string) {
  const [r] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return r ?? null;
}
