import { and, eq, isNotNull } from 'drizzle-orm';
import { CATEGORY_SUB_TYPES, modesOf, type Category } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { applications, organisations, roundDecisions, submissions } from '../../db/schema/index.js';
import type { RoundRow } from '../../policies/organiser.js';

export interface EntryValues {
  applicationId: string;
  name: string;
  category: Category;
  subType: string | null;
  mode: string | null;
  regionCode: string;
  position: number;
}

/**
 * The units the organiser released as selected (拟入选), as notice entries: name and modes from the
 * current submission (what the paper copy carries), ordered by category as the round lists them,
 * then sub-type, then the decision's rank.
 */
export async function selectedEntries(db: DbOrTx, round: RoundRow): Promise<EntryValues[]> {
  const rows = await db
    .select({ application: applications, rank: roundDecisions.rank, orgName: organisations.name, snapshot: submissions.snapshot })
    .from(roundDecisions)
    .innerJoin(applications, eq(applications.id, roundDecisions.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(submissions, and(eq(submissions.applicationId, applications.id), eq(submissions.status, 'current')))
    .where(and(eq(roundDecisions.roundId, round.id), eq(roundDecisions.decision, 'selected'), isNotNull(roundDecisions.releasedAt), eq(applications.roundId, round.id)));

  const order = round.config.categories as string[];
  const kindIndex = (category: string, subType: string | null) => {
    const subs = CATEGORY_SUB_TYPES[category as Category] ?? [];
    return order.indexOf(category) * 10 + (subType ? subs.indexOf(subType) + 1 : 0);
  };
  const values = rows.map((r) => {
    const snap = (r.snapshot ?? {}) as { data?: Record<string, unknown>; organisation?: { name?: string } };
    const category = r.application.category as Category;
    const subType = r.application.subType ?? null;
    const modes = modesOf(category, snap.data ?? r.application.data, { round: round.config, subType });
    return {
      applicationId: r.application.id,
      name: snap.organisation?.name || r.orgName || '',
      category,
      subType,
      mode: modes.length ? modes.join('、') : null,
      regionCode: r.application.regionCode,
      rank: r.rank ?? Number.MAX_SAFE_INTEGER,
    };
  });
  values.sort((a, b) => kindIndex(a.category, a.subType) - kindIndex(b.category, b.subType) || a.rank - b.rank || a.name.localeCompare(b.name, 'zh'));
  return values.map(({ rank: _rank, ...v }, i) => ({ ...v, position: i + 1 }));
}
