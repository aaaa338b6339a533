import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rounds } from '../../db/schema/index.js';
import type { RoundRow } from '../../policies/organiser.js';

/**
 * Serialises a round's assignment changes (runs and manual overrides): the round row is locked for
 * the transaction, so a commit never interleaves with another commit or an override.
 */
export async function lockRound(tx: DbOrTx, roundId: string): Promise<RoundRow> {
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for('update');
  return round!;
}
