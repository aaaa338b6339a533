import type { ReadOnlySource } from '@fw/shared';
import type { OrganisationInfo } from './api';

/** Today as YYYY-MM-DD in local time (the applicant's calendar day). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Where the read-only `from` fields come from: the certified organisation (its registry record,
 * with the certified name, USCC and region on top) and its contact person.
 */
export function readOnlySource(org: OrganisationInfo | null): ReadOnlySource {
  if (!org) return { org: null, contact: null, today: todayIso() };
  return {
    org: { ...(org.registry ?? {}), name: org.name ?? org.registry?.name ?? null, uscc: org.uscc ?? org.registry?.uscc ?? null, regionName: org.regionName ?? org.registry?.regionName ?? null },
    contact: org.contact ? { ...org.contact } : null,
    today: todayIso(),
  };
}
