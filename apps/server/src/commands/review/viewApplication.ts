import type { Actor, AppContext } from '../../context.js';
import { loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { recordAudit } from '../../services/audit.js';

/** Opens one application for an authority; the detail shows the contact in full, so the view is logged. */
export async function viewApplication(ctx: AppContext, actor: Actor, id: string) {
  const loaded = await loadApplicationForAuthority(ctx, actor, id);
  await recordAudit(ctx.db, {
    actorId: loaded.authority.id,
    action: 'personal_data.view',
    subjectType: 'application',
    subjectId: loaded.application.id,
    regionCode: loaded.application.regionCode,
    detail: { roundId: loaded.round.id, fields: ['contact.mobile', 'contact.email'] },
    ip: loaded.authority.ip,
  });
  return loaded;
}
