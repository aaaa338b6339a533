import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';

export interface Employer {
  employerName: string;
  employerUscc: string | null;
  employerLegalRepresentative: string | null;
}

/**
 * The employer as conflict checks compare it. With a USCC the business registry's legal
 * representative wins over a typed one (the check "shares the applicant's legal representative"
 * must rest on registered data); without it, what the organiser typed stays.
 */
export async function employerOf(ctx: Pick<AppContext, 'registry'>, input: { employerName: string; employerUscc?: string | null; employerLegalRepresentative?: string | null }): Promise<Employer> {
  const uscc = input.employerUscc?.trim().toUpperCase() || null;
  const typedRep = input.employerLegalRepresentative?.trim() || null;
  if (!uscc) return { employerName: input.employerName, employerUscc: null, employerLegalRepresentative: typedRep };
  const entry = await ctx.registry.lookup(uscc);
  return { employerName: input.employerName, employerUscc: uscc, employerLegalRepresentative: entry?.legalRepresentative ?? typedRep };
}

/** The registry's record of an employer, for the form to fill in the name and legal representative. */
export async function lookupEmployer(ctx: Pick<AppContext, 'registry'>, uscc: string) {
  const entry = await ctx.registry.lookup(uscc);
  if (!entry || entry.uscc !== uscc.toUpperCase()) throw new AppError('NOT_FOUND', '工商登记信息中未找到该统一社会信用代码', { employerUscc: '未找到该单位的工商登记信息' });
  return { uscc: entry.uscc, name: entry.name, legalRepresentative: entry.legalRepresentative, regionCode: entry.regionCode };
}
