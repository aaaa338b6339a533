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

/** Fields a reviewer's action sets on its review row (the row's identity comes from the actor and application). */
export type ReviewChanges = Omit<typeof reviews.$inferInsert, 'id' | 'roundId' | 'applicationId' | 'reviewerRegion'>;

/** Writes `set` on this reviewer's review row of the application, creating the row on its first action. */
export async function upsertReview(tx: Tx, actor: AuthorityActor, roundId: string, applicationId: string, set: ReviewChanges): Promise<void> {
  await tx
    .insert(reviews)
    .values({ roundId, applicationId, reviewerRegion: actor.regionCode, ...set })
    .onConflictDoUpdate({ target: [reviews.applicationId, reviews.reviewerRegion], set });
}
