import type { Category, ExpertView, IssueExpertBody, UpdateExpertBody } from '@fw/shared';

/** The expert form as antd holds it: the region as the cascader's path, lists as arrays. */
export interface ExpertFormValues {
  username?: string;
  name: string;
  title?: string | null;
  mobile?: string | null;
  employerName: string;
  employerUscc?: string | null;
  employerLegalRepresentative?: string | null;
  regionPath: string[];
  fields: string[];
  categories: Category[];
  maxLoad?: number | null;
  declaredConflicts: { uscc?: string | null; note?: string | null }[];
}

/** Province → city → district codes of a region code (a province or city stops early). */
export function regionPathOf(code: string | null | undefined): string[] {
  if (!code || !/^\d{6}$/.test(code)) return [];
  const path = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return path.filter((c, i) => path.indexOf(c) === i);
}

const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

function profileOf(v: ExpertFormValues) {
  return {
    name: v.name,
    title: blankToNull(v.title),
    mobile: blankToNull(v.mobile),
    employerName: v.employerName,
    employerUscc: blankToNull(v.employerUscc),
    employerLegalRepresentative: blankToNull(v.employerLegalRepresentative),
    regionCode: v.regionPath[v.regionPath.length - 1] ?? '',
    fields: v.fields ?? [],
    categories: v.categories ?? [],
    maxLoad: v.maxLoad ?? null,
    declaredConflicts: (v.declaredConflicts ?? []).filter((d) => d.uscc).map((d) => ({ uscc: d.uscc!.trim().toUpperCase(), note: blankToNull(d.note) })),
  };
}

export const toIssueBody = (v: ExpertFormValues): IssueExpertBody => ({ ...profileOf(v), username: (v.username ?? '').trim() });

/** An edit sends the whole profile except the mobile, which is sent only when a new one is typed (the list shows it masked). */
export function toUpdateBody(v: ExpertFormValues): UpdateExpertBody {
  const { mobile, ...rest } = profileOf(v);
  return mobile ? { ...rest, mobile } : rest;
}

export function fromExpert(e: ExpertView): ExpertFormValues {
  return {
    name: e.name,
    title: e.title,
    mobile: null,
    employerName: e.employerName,
    employerUscc: e.employerUscc,
    employerLegalRepresentative: e.employerLegalRepresentative,
    regionPath: regionPathOf(e.regionCode),
    fields: e.fields,
    categories: e.categories as Category[],
    maxLoad: e.maxLoad,
    declaredConflicts: e.declaredConflicts.filter((d) => d.uscc).map((d) => ({ uscc: d.uscc ?? null, note: d.note ?? null })),
  };
}
