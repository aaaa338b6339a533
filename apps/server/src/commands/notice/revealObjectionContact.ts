import type { Actor, AppContext } from '../../context.js';
import { recordAudit } from '../../services/audit.js';
import { loadObjectionForOrganiser } from './loadNotice.js';

/** The objector's full contact, for the organiser to reach them; each look is logged. */
export async function revealObjectionContact(ctx: AppContext, actor: Actor, objectionId: string): Promise<{ name: string; contact: string }> {
  const { objection, round } = await loadObjectionForOrganiser(ctx, actor, objectionId);
  const contact = ctx.personalData.reveal(objection.contactEnc);
  await recordAudit(ctx.db, {
    actorId: actor.id,
    action: 'objection.contact_view',
    subjectType: 'objection',
    subjectId: objection.id,
    regionCode: round.organiserRegion,
    ip: actor.ip,
  });
  return { name: objection.contactName, contact };
}
