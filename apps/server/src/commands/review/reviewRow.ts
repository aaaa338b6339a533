import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { reviews } from '../../db/schema/index.js';
import type { AuthorityActor } from '../../db/queries/authorityScope.js';

export type ReviewRow = typeof reviews.$inferSelect;

/**
 * This reviewer's review row of the application, created on its first action and locked for the
 * rest of the transaction (the upsert takes the row lock either way).
 */
export async function lockReviewRow(tx: Tx, actor: AuthorityActor, application: { id: string; roundId: string }, now: Date): Promise<ReviewRow> {
  const [row] = await tx
    .insert(reviews)
    .values({ roundId: application.roundId, applicationId: application.id, reviewerRegion: actor.regionCode, level: actor.level, updatedAt: now })
    .onConflictDoUpdate({ target: [reviews.applicationId, reviews.reviewerRegion], set: { updatedAt: sql`excluded.updated_at` } })
    .returning();
  return row!;
}
