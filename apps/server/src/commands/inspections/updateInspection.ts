import { and, eq } from 'drizzle-orm';
import type { UpdateInspectionInput } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { siteInspections } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadInspection, type InspectionRow } from './loadInspection.js';
import { resolveInspectors } from './resolveInspectors.js';
import { assertNotPast } from './scheduleDay.js';

export const RESULT_RECORDED = '已记录考察结论，不能再修改考察安排';

/** Changes the date, place or inspectors of an inspection that has no result yet. */
export async function updateInspection(ctx: AppContext, actor: Actor, roundId: string, id: string, input: UpdateInspectionInput): Promise<InspectionRow> {
  const { round, inspection } = await loadInspection(ctx, actor, roundId, id);
  if (inspection.result !== 'scheduled') throw new AppError('STATUS_CONFLICT', RESULT_RECORDED);
  const now = ctx.now();
  // A date left unchanged may lie in the past by now; only a new date must not.
  if (input.scheduledOn && input.scheduledOn !== inspection.scheduledOn) assertNotPast(input.scheduledOn, now);
  const inspectors = input.inspectors ? await resolveInspectors(ctx, round, input.inspectors) : undefined;
  const changes = {
    ...(input.scheduledOn ? { scheduledOn: input.scheduledOn } : {}),
    ...(input.place ? { place: input.place } : {}),
    ...(inspectors ? { inspectors } : {}),
  };
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(siteInspections)
      .set({ ...changes, updatedAt: now })
      .where(and(eq(siteInspections.id, inspection.id), eq(siteInspections.result, 'scheduled')))
      .returning();
    if (!row) throw new AppError('STATUS_CONFLICT', RESULT_RECORDED);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'inspection.update',
      subjectType: 'site_inspection',
      subjectId: inspection.id,
      regionCode: round.organiserRegion,
      detail: {
        roundId: round.id,
        applicationId: inspection.applicationId,
        before: { scheduledOn: inspection.scheduledOn, place: inspection.place, inspectors: inspection.inspectors },
        after: changes,
      },
      ip: actor.ip,
    });
    return row;
  });
}
