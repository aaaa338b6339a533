import { levelOf } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { reviews } from '../../db/schema/index.js';
import type { TestServer } from '../../test/testServer.js';

/** Test helper: a review row as another level would have left it (recommending belongs to another module). */
export async function insertReview(
  ctx: AppContext,
  application: { id: string; roundId: string },
  reviewerRegion: string,
  values: Partial<typeof reviews.$inferInsert> = {},
) {
  const [row] = await ctx.db
    .insert(reviews)
    .values({ roundId: application.roundId, applicationId: application.id, reviewerRegion, level: levelOf(reviewerRegion), ...values })
    .returning();
  return row!;
}

/** Test helper: a recommended review of the given region at the given rank. */
export function insertRecommended(ctx: AppContext, application: { id: string; roundId: string }, reviewerRegion: string, rank: number) {
  return insertReview(ctx, application, reviewerRegion, { recommended: true, rank, checkStatus: 'passed', recommendedAt: ctx.now() });
}

/** Test helper: an injected request with a session cookie. */
export function requester(t: TestServer) {
  return (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie } });
}
