import { and, eq, inArray } from 'drizzle-orm';
import type { InspectorInput } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { experts } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { RoundRow } from '../../policies/organiser.js';

export type StoredInspector = { userId?: string; name: string };

/**
 * The inspectors as stored: a pool expert by user id (the name taken from the pool, so it cannot be
 * forged) must be an active expert of the organiser's own pool; named officials are kept as typed.
 * Duplicates are dropped.
 */
export async function resolveInspectors(ctx: Pick<AppContext, 'db'>, round: RoundRow, input: InspectorInput[]): Promise<StoredInspector[]> {
  const ids = [...new Set(input.flatMap((i) => (i.userId ? [i.userId] : [])))];
  const pool = ids.length
    ? await ctx.db
        .select({ userId: experts.userId, name: experts.name })
        .from(experts)
        .where(and(inArray(experts.userId, ids), eq(experts.poolRegion, round.organiserRegion), eq(experts.active, true)))
    : [];
  const byId = new Map(pool.map((e) => [e.userId, e.name]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('VALIDATION', '所选专家不在本单位专家库中或已停用', { inspectors: '所选专家不在本单位专家库中或已停用' });
  const out: StoredInspector[] = [];
  const seen = new Set<string>();
  for (const i of input) {
    const entry = i.userId ? { userId: i.userId, name: byId.get(i.userId)! } : { name: i.name.trim() };
    const key = entry.userId ?? `name:${entry.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}
