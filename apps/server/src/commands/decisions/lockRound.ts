import { eq, and, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roundDecisions, rounds } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';

/**
 * Serialises the decision commands of one round (row lock on the round) and refuses a change once the
 * decisions are released, unless `released` is what the caller expects (reopen).
 */
export async function lockDecisionsOf(tx: DbOrTx, roundId: string, expect: 'unreleased' | 'released'): Promise<void> {
  await tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, roundId)).for('update');
  const [released] = await tx.select({ id: roundDecisions.id }).from(roundDecisions).where(and(eq(roundDecisions.roundId, roundId), isNotNull(roundDecisions.releasedAt))).limit(1);
  if (expect === 'unreleased' && released) throw new AppError('STATUS_CONFLICT', '遴选结果已发布，不能修改；如需调整请先重新开放');
  if (expect === 'released' && !released) throw new AppError('STATUS_CONFLICT', '遴选结果尚未发布');
}
