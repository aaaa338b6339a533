import { reviewAssignments } from '../../db/schema/index.js';
import type { TestServer } from '../../test/testServer.js';

/** Test helper: an assignment row as the assignment run (another module) would leave it. */
export async function insertAssignment(
  t: TestServer,
  application: { id: string; roundId: string },
  expertId: string,
  values: Partial<typeof reviewAssignments.$inferInsert> = {},
) {
  const [row] = await t.ctx.db
    .insert(reviewAssignments)
    .values({ roundId: application.roundId, applicationId: application.id, expertId, ...values })
    .returning();
  return row!;
}

/** Test helper: an injected request with a session cookie (CSRF added by the test server). */
export function expertRequester(t: TestServer) {
  return (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });
}
