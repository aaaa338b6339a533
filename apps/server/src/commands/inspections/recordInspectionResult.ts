import { eq } from 'drizzle-orm';
import { beijingDay, type RecordInspectionResultInput } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { siteInspections } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadInspection, type InspectionRow } from './loadInspection.js';

export const NOT_YET = '考察日期未到，不能记录考察结论';

/**
 * Records the findings and the result (passed, failed, conditional). Findings are required unless it
 * passed (the schema says so). A recorded result may be corrected; the audit keeps every version.
 */
export async function recordInspectionResult(ctx: AppContext, actor: Actor, roundId: string, id: string, input: RecordInspectionResultInput): Promise<InspectionRow> {
  const { round, inspection } = await loadInspection(ctx, actor, roundId, id);
  const now = ctx.now();
  if (inspection.scheduledOn > beijingDay(now)) throw new AppError('STATUS_CONFLICT', NOT_YET);
  const findings = input.findings || null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(siteInspections)
      .set({ result: input.result, findings, updatedAt: now })
      .where(eq(siteInspections.id, inspection.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'inspection.result',
      subjectType: 'site_inspection',
      subjectId: inspection.id,
      regionCode: round.organiserRegion,
      detail: { roundId: round.id, applicationId: inspection.applicationId, resultBefore: inspection.result, result: input.result, findings },
      ip: actor.ip,
    });
    return row!;
  });
}
