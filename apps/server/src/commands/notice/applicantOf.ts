import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications, organisations } from '../../db/schema/index.js';

/** The applicant accounts behind applications (who is told the outcome), by application id. */
export async function applicantsOf(db: DbOrTx, applicationIds: string[]): Promise<Map<string, { userId: string; organisationId: string; uscc: string | null }>> {
  if (!applicationIds.length) return new Map();
  const rows = await db
    .select({ applicationId: applications.id, userId: organisations.userId, organisationId: organisations.id, uscc: organisations.uscc })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(inArray(applications.id, applicationIds));
  return new Map(rows.map((r) => [r.applicationId, { userId: r.userId, organisationId: r.organisationId, uscc: r.uscc }]));
}
