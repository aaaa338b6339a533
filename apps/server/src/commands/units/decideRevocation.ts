import { and, eq } from 'drizzle-orm';
import type { ConfirmRevocationBody, DismissRevocationBody, RevocationDecisionView } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { demonstrationUnits, evaluationRounds, revocations } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadTerritoryUnit } from './loadTerritoryUnit.js';
import { defaultEvaluationYear, evaluateUnit, loadEvidence } from './revocationEvidence.js';
import { unitTerritoryOf } from './territory.js';

type Decision = 'confirmed' | 'dismissed';

/**
 * The organiser's decision on a proposed revocation. The rules run again on the locked unit, so only
 * a proposal that still holds is decided: confirming revokes the title (the public list drops the unit
 * and shows no more of it), dismissing records the note; both keep a revocations row and an audit row.
 */
export async function decideRevocation(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  decision: Decision,
  body: ConfirmRevocationBody | DismissRevocationBody,
): Promise<RevocationDecisionView> {
  const territory = unitTerritoryOf(actor);
  const year = body.year ?? (await defaultEvaluationYear(ctx.db, territory, ctx.now()));
  return ctx.db.transaction(async (tx) => {
    const unit = await loadTerritoryUnit(tx, actor, unitId, { lock: true });
    if (unit.status !== 'active') throw new AppError('STATUS_CONFLICT', '该示范单位已撤销');
    const evidence = (await loadEvidence(tx, [unit])).get(unit.id)!;
    const outcome = evaluateUnit(unit, evidence, year);
    if (!outcome.ok) throw new AppError('STATUS_CONFLICT', `评估数据有误，不能判断：${outcome.message}`);
    if (outcome.result.propose !== 'revoke') throw new AppError('STATUS_CONFLICT', '该单位目前不符合撤销条件，请刷新撤销建议');
    const reasons = outcome.result.reasons;
    const now = ctx.now();
    const [round] = await tx
      .select({ id: evaluationRounds.id })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.organiserRegion, territory.regionCode), eq(evaluationRounds.year, year)))
      .limit(1);
    const note = body.note?.trim() || null;
    await tx.insert(revocations).values({ unitId: unit.id, evaluationRoundId: round?.id ?? null, reasons, status: decision, decidedBy: actor.id, decidedAt: now, note, createdAt: now });
    if (decision === 'confirmed') {
      await tx
        .update(demonstrationUnits)
        .set({ status: 'revoked', revokedAt: now, revokeReason: reasons.join('；') })
        .where(eq(demonstrationUnits.id, unit.id));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision === 'confirmed' ? 'units.revocation.confirm' : 'units.revocation.dismiss',
      subjectType: 'demonstration_unit',
      subjectId: unit.id,
      regionCode: unit.regionCode,
      detail: { name: unit.name, uscc: unit.uscc, evaluationYear: year, reasons, note },
      ip: actor.ip,
    });
    return { unitId: unit.id, status: decision, reasons, decidedAt: now.toISOString() };
  });
}
