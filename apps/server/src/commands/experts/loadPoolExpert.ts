import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { experts, users } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { poolRegionOf } from './poolRegion.js';

export type ExpertRow = typeof experts.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** One expert of the actor's pool with the account; 404 for experts of other pools, so none leaks. */
export async function loadPoolExpert(ctx: Pick<AppContext, 'db'>, actor: Actor, expertId: string): Promise<{ expert: ExpertRow; user: UserRow }> {
  const [row] = await ctx.db
    .select({ expert: experts, user: users })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(and(eq(experts.userId, expertId), eq(experts.poolRegion, poolRegionOf(actor))))
    .limit(1);
  if (!row) throw notFound('专家');
  return row;
}
