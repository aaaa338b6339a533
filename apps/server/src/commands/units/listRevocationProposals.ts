import { and, asc, eq } from 'drizzle-orm';
import { historyLines, type Category, type RevocationProposalsResponse } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { demonstrationUnits } from '../../db/schema/index.js';
import { regionNames } from '../notice/regionNames.js';
import { defaultEvaluationYear, evaluateUnit, loadEvidence, wasDismissed } from './revocationEvidence.js';
import { unitTerritoryOf } from './territory.js';

/**
 * 撤销建议: the revocation rules (three consecutive 基本合格; business status 吊销/注销/停业/清算) run on
 * every active unit of the territory for the evaluation year; units the rules propose are listed with
 * the reasons, except those whose same proposal the organiser already dismissed.
 */
export async function listRevocationProposals(ctx: AppContext, actor: Actor, year?: number): Promise<RevocationProposalsResponse> {
  const territory = unitTerritoryOf(actor);
  const evaluationYear = year ?? (await defaultEvaluationYear(ctx.db, territory, ctx.now()));
  const units = await ctx.db
    .select()
    .from(demonstrationUnits)
    .where(and(territory.where, eq(demonstrationUnits.status, 'active')))
    .orderBy(asc(demonstrationUnits.regionCode), asc(demonstrationUnits.name), asc(demonstrationUnits.id));
  const evidence = await loadEvidence(ctx.db, units);
  const proposed: { unit: (typeof units)[number]; reasons: string[]; notes: string[] }[] = [];
  const problems: RevocationProposalsResponse['problems'] = [];
  for (const unit of units) {
    const ev = evidence.get(unit.id)!;
    const outcome = evaluateUnit(unit, ev, evaluationYear);
    if (!outcome.ok) problems.push({ unitId: unit.id, name: unit.name, message: outcome.message });
    else if (outcome.result.propose === 'revoke' && !wasDismissed(ev, outcome.result.reasons)) proposed.push({ unit, reasons: outcome.result.reasons, notes: outcome.result.notes });
  }
  const names = await regionNames(ctx.db, proposed.map((p) => p.unit.regionCode));
  return {
    evaluationYear,
    problems,
    items: proposed.map(({ unit, reasons, notes }) => ({
      unitId: unit.id,
      name: unit.name,
      uscc: unit.uscc,
      category: unit.category as Category,
      regionName: names.get(unit.regionCode) ?? unit.regionCode,
      title: unit.title,
      batch: unit.batch,
      year: unit.year,
      businessStatus: evidence.get(unit.id)!.businessStatus,
      history: historyLines(evidence.get(unit.id)!.history),
      reasons,
      notes,
    })),
  };
}
