import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications, organisations } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { reachedOrganiser, type RoundRow } from '../../policies/organiser.js';

/** One application that reached the round's organiser, with what conflict checks compare; 404 otherwise. */
export async function loadPairApplication(db: DbOrTx, round: RoundRow, applicationId: string) {
  const [app] = await db
    .select({
      id: applications.id,
      category: applications.category,
      regionCode: applications.regionCode,
      number: applications.currentNumber,
      uscc: organisations.uscc,
      name: organisations.name,
      legalRepresentative: sql<string | null>`${organisations.registry}->>'legalRepresentative'`,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(applications.id, applicationId), reachedOrganiser(round)))
    .limit(1);
  if (!app) throw notFound('申报书');
  return app;
}
