import { maskMobile, type ExpertView } from '@fw/shared';
import type { AppContext } from '../../context.js';
import type { ExpertRow, UserRow } from './loadPoolExpert.js';

/** An expert of the pool as the organiser sees it: the mobile masked (personal data), never the full number. */
export function presentExpert(ctx: Pick<AppContext, 'personalData'>, row: { expert: ExpertRow; user: UserRow }, regionNames: Map<string, string>): ExpertView {
  const { expert, user } = row;
  return {
    id: expert.userId,
    username: user.username,
    name: expert.name,
    title: expert.title,
    mobileMasked: user.mobileEnc ? maskMobile(ctx.personalData.reveal(user.mobileEnc)) : null,
    employerName: expert.employerName,
    employerUscc: expert.employerUscc,
    employerLegalRepresentative: expert.employerLegalRepresentative,
    regionCode: expert.regionCode,
    regionName: regionNames.get(expert.regionCode) ?? null,
    fields: expert.fields,
    categories: expert.categories,
    maxLoad: expert.maxLoad,
    declaredConflicts: expert.declaredConflicts,
    active: expert.active,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: Boolean(user.totpEnabledAt),
    createdAt: expert.createdAt.toISOString(),
  };
}
