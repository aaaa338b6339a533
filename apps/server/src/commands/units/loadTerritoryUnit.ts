import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { demonstrationUnits } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { unitTerritoryOf } from './territory.js';

export type UnitRow = typeof demonstrationUnits.$inferSelect;

/** One unit of the actor's territory (locked for update inside a transaction); 404 for any other. */
export async function loadTerritoryUnit(db: DbOrTx, actor: Actor, unitId: string, opts: { lock?: boolean } = {}): Promise<UnitRow> {
  const territory = unitTerritoryOf(actor);
  const q = db.select().from(demonstrationUnits).where(and(eq(demonstrationUnits.id, unitId), territory.where)).limit(1);
  const [unit] = opts.lock ? await q.for('update') : await q;
  if (!unit) throw notFound('示范单位');
  return unit;
}
