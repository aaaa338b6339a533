import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { regionChain } from '@fw/shared';
import type { DbOrTx } from '../client.js';
import { regionClosures, reopenings } from '../schema/index.js';

/** Whether applications of `regionCode` are closed in the round: by its own region or any above it. */
export async function isRegionClosed(db: DbOrTx, roundId: string, regionCode: string): Promise<boolean> {
  const rows = await db
    .select({ id: regionClosures.id })
    .from(regionClosures)
    .where(and(eq(regionClosures.roundId, roundId), inArray(regionClosures.regionCode, regionChain(regionCode)), isNull(regionClosures.undoneAt)))
    .limit(1);
  return rows.length > 0;
}

/** The application's reopening in force now (not re-closed, not expired), if any. */
export async function activeReopening(db: DbOrTx, applicationId: string, now: Date) {
  const [row] = await db
    .select()
    .from(reopenings)
    .where(and(eq(reopenings.applicationId, applicationId), isNull(reopenings.closedAt), gt(reopenings.expiresAt, now)))
    .orderBy(desc(reopenings.openedAt))
    .limit(1);
  return row ?? null;
}
