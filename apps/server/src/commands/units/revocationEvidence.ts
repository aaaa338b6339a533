import { and, desc, eq, inArray, isNotNull, lte, max } from 'drizzle-orm';
import { EvaluationInputError, isEvaluationGrade, proposeRevocation, type GradeRecord, type RevocationResult } from '@fw/shared';
import type { DbOrTx } from '../../db/client.js';
import { demonstrationUnits, registryEntries, revocations, unitEvaluations } from '../../db/schema/index.js';
import { beijingYear } from '../notice/beijingTime.js';
import type { UnitRow } from './loadTerritoryUnit.js';
import type { UnitTerritory } from './territory.js';

const CHUNK = 5000;

/** What the rules read about a unit: its grades by year and its registry business status. */
export interface UnitEvidence {
  history: GradeRecord[];
  businessStatus: string | null;
  /** The reasons of the latest dismissed proposal, to keep a dismissed proposal from coming back unchanged. */
  dismissedReasons: string[] | null;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function loadEvidence(db: DbOrTx, units: Pick<UnitRow, 'id' | 'uscc'>[]): Promise<Map<string, UnitEvidence>> {
  const out = new Map<string, UnitEvidence>(units.map((u) => [u.id, { history: [], businessStatus: null, dismissedReasons: null }]));
  for (const part of chunks(units)) {
    const ids = part.map((u) => u.id);
    const usccs = [...new Set(part.flatMap((u) => (u.uscc ? [u.uscc] : [])))];
    const [grades, statuses, dismissed] = await Promise.all([
      db
        .select({ unitId: unitEvaluations.unitId, year: unitEvaluations.year, grade: unitEvaluations.grade, written: unitEvaluations.writtenExplanation })
        .from(unitEvaluations)
        .where(inArray(unitEvaluations.unitId, ids)),
      usccs.length ? db.select({ uscc: registryEntries.uscc, status: registryEntries.businessStatus }).from(registryEntries).where(inArray(registryEntries.uscc, usccs)) : [],
      db
        .select({ unitId: revocations.unitId, reasons: revocations.reasons, status: revocations.status })
        .from(revocations)
        .where(inArray(revocations.unitId, ids))
        .orderBy(desc(revocations.createdAt)),
    ]);
    for (const g of grades) {
      out.get(g.unitId)!.history.push({ year: g.year, grade: g.grade && isEvaluationGrade(g.grade) ? g.grade : null, writtenExplanation: g.written });
    }
    const byUscc = new Map(statuses.map((s) => [s.uscc, s.status]));
    for (const u of part) if (u.uscc) out.get(u.id)!.businessStatus = byUscc.get(u.uscc) ?? null;
    const seen = new Set<string>();
    for (const d of dismissed) {
      if (seen.has(d.unitId)) continue;
      seen.add(d.unitId);
      if (d.status === 'dismissed') out.get(d.unitId)!.dismissedReasons = d.reasons;
    }
  }
  return out;
}

/**
 * The year the proposals are for when none is asked: the latest year graded in the territory (a year is
 * graded early in the next), never later than the current Beijing year; this year when none is graded.
 */
export async function defaultEvaluationYear(db: DbOrTx, territory: UnitTerritory, now: Date): Promise<number> {
  const thisYear = beijingYear(now);
  const [row] = await db
    .select({ y: max(unitEvaluations.year) })
    .from(unitEvaluations)
    .innerJoin(demonstrationUnits, eq(demonstrationUnits.id, unitEvaluations.unitId))
    .where(and(territory.where, isNotNull(unitEvaluations.grade), lte(unitEvaluations.year, thisYear)));
  return row?.y ?? thisYear;
}

export type Evaluated = { ok: true; result: RevocationResult } | { ok: false; message: string };

/** The rules for one unit; malformed history is reported, not thrown. */
export function evaluateUnit(unit: Pick<UnitRow, 'year'>, evidence: UnitEvidence, evaluationYear: number): Evaluated {
  try {
    return { ok: true, result: proposeRevocation({ history: evidence.history, businessStatus: evidence.businessStatus, evaluationYear, designatedYear: unit.year }) };
  } catch (e) {
    if (e instanceof EvaluationInputError) return { ok: false, message: e.message };
    throw e;
  }
}

/** A dismissed proposal stays dismissed until its reasons change. */
export function wasDismissed(evidence: UnitEvidence, reasons: string[]): boolean {
  const d = evidence.dismissedReasons;
  return !!d && d.length === reasons.length && [...d].sort().join('\n') === [...reasons].sort().join('\n');
}
