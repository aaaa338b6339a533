import type { OrganisationView } from '@fw/shared';
import type { AppContext } from '../context.js';
import type { organisations } from '../db/schema/index.js';
import { regionPath } from '../db/queries/regions.js';

type OrgRow = typeof organisations.$inferSelect;

/** The organisation as its own applicant sees it (contact data decrypted for the owner only). */
export async function presentOrganisation(ctx: AppContext, org: OrgRow): Promise<OrganisationView> {
  const c = org.contact;
  return {
    id: org.id,
    entry: org.entry as OrganisationView['entry'],
    uscc: org.uscc,
    name: org.name,
    regionCode: org.regionCode,
    regionName: await regionPath(ctx.db, org.regionCode),
    registry: org.registry ?? null,
    certifiedAt: org.certifiedAt?.toISOString() ?? null,
    contact: c ? { name: c.name, position: c.position, mobile: ctx.personalData.reveal(c.mobileEnc), email: ctx.personalData.reveal(c.emailEnc) } : null,
  };
}
