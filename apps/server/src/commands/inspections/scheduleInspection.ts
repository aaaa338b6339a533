import { and, eq } from 'drizzle-orm';
import type { ScheduleInspectionInput } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, siteInspections } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { recordAudit } from '../../services/audit.js';
import { loadReachedApplication, type InspectionRow } from './loadInspection.js';
import { resolveInspectors } from './resolveInspectors.js';
import { assertNotPast } from './scheduleDay.js';

export const ALREADY_SCHEDULED = '该申报已有待进行的现场考察，请修改原安排';

/**
 * Plans a site inspection of an application that reached the organiser. One open (scheduled)
 * inspection per application at a time; after a result, another may follow (e.g. a re-inspection).
 */
export async function scheduleInspection(ctx: AppContext, actor: Actor, roundId: string, input: ScheduleInspectionInput): Promise<InspectionRow> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  const application = await loadReachedApplication(ctx, round, input.applicationId);
  const now = ctx.now();
  assertNotPast(input.scheduledOn, now);
  const inspectors = await resolveInspectors(ctx, round, input.inspectors);
  return ctx.db.transaction(async (tx) => {
    // Serialises two organisers' tabs scheduling the same application.
    await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, application.id)).for('update');
    const [open] = await tx
      .select({ id: siteInspections.id })
      .from(siteInspections)
      .where(and(eq(siteInspections.roundId, round.id), eq(siteInspections.applicationId, application.id), eq(siteInspections.result, 'scheduled')))
      .limit(1);
    if (open) throw new AppError('CONFLICT', ALREADY_SCHEDULED, undefined, { inspectionId: open.id });
    const [row] = await tx
      .insert(siteInspections)
      .values({ roundId: round.id, applicationId: application.id, scheduledOn: input.scheduledOn, place: input.place, inspectors, createdBy: actor.id, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'inspection.schedule',
      subjectType: 'site_inspection',
      subjectId: row!.id,
      regionCode: round.organiserRegion,
      detail: { roundId: round.id, applicationId: application.id, scheduledOn: input.scheduledOn, place: input.place, inspectors },
      ip: actor.ip,
    });
    return row!;
  });
}
