import { and, eq } from 'drizzle-orm';
import { findConflicts, reviewSettingsOf, type Conflict } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { experts, reviewAssignments } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import type { RoundRow } from '../../policies/organiser.js';
import { loadPairApplication } from './loadPairApplication.js';
import { regionNames } from '../experts/regionNames.js';

/**
 * One application that reached the organiser and one expert of the organiser's pool, with their
 * stored assignment (if any) and the conflicts the round's rules flag between them. 404 otherwise.
 */
export async function loadPair(db: DbOrTx, round: RoundRow, applicationId: string, expertId: string) {
  const app = await loadPairApplication(db, round, applicationId);
  const [expert] = await db.select().from(experts).where(and(eq(experts.userId, expertId), eq(experts.poolRegion, round.organiserRegion))).limit(1);
  if (!expert) throw notFound('专家');
  const [row] = await db.select().from(reviewAssignments).where(and(eq(reviewAssignments.applicationId, app.id), eq(reviewAssignments.expertId, expert.userId))).limit(1);
  const names = await regionNames(db, [app.regionCode]);
  const conflicts: Conflict[] = findConflicts(
    { id: expert.userId, employerUscc: expert.employerUscc, employerName: expert.employerName, employerLegalRepresentative: expert.employerLegalRepresentative, regionCode: expert.regionCode, declaredConflicts: expert.declaredConflicts },
    { id: app.id, uscc: app.uscc, name: app.name, legalRepresentative: app.legalRepresentative, regionCode: app.regionCode },
    { sameRegionExcluded: reviewSettingsOf(round.config).sameRegionExcluded, regionName: (c) => names.get(c) },
  );
  return { app, expert, row: row ?? null, conflicts };
}
