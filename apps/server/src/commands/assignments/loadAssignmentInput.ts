import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications, experts, organisations, reviewAssignments } from '../../db/schema/index.js';
import { reachedOrganiser, type RoundRow } from '../../policies/organiser.js';
import type { AssignmentRowDb } from './assignmentRowState.js';

/** A reached application with what conflict checks and load balancing need (no form content). */
export interface ReachedApplication {
  id: string;
  category: string;
  subType: string | null;
  regionCode: string;
  number: string | null;
  uscc: string | null;
  name: string | null;
  legalRepresentative: string | null;
}

export type PoolExpert = Pick<
  typeof experts.$inferSelect,
  'userId' | 'name' | 'employerName' | 'employerUscc' | 'employerLegalRepresentative' | 'regionCode' | 'categories' | 'maxLoad' | 'declaredConflicts' | 'active'
>;

export interface AssignmentInput {
  applications: ReachedApplication[];
  /** The organiser's whole pool, inactive experts included (they may hold started reviews). */
  experts: PoolExpert[];
  rows: AssignmentRowDb[];
}

/** Everything an assignment run of the round reads, in three queries (fast at thousands of rows). */
export async function loadAssignmentInput(db: DbOrTx, round: RoundRow): Promise<AssignmentInput> {
  const apps = await db
    .select({
      id: applications.id,
      category: applications.category,
      subType: applications.subType,
      regionCode: applications.regionCode,
      number: applications.currentNumber,
      uscc: organisations.uscc,
      name: organisations.name,
      legalRepresentative: sql<string | null>`${organisations.registry}->>'legalRepresentative'`,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(reachedOrganiser(round));
  const pool = await db
    .select({
      userId: experts.userId,
      name: experts.name,
      employerName: experts.employerName,
      employerUscc: experts.employerUscc,
      employerLegalRepresentative: experts.employerLegalRepresentative,
      regionCode: experts.regionCode,
      categories: experts.categories,
      maxLoad: experts.maxLoad,
      declaredConflicts: experts.declaredConflicts,
      active: experts.active,
    })
    .from(experts)
    .where(eq(experts.poolRegion, round.organiserRegion));
  const rows = await db.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id));
  return { applications: apps, experts: pool, rows };
}
