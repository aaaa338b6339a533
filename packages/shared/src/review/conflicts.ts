import { ancestorAt, LEVEL_LABELS } from '../rules/regions.js';

/**
 * Conflict of interest (利益冲突回避) between an expert and an application. Every flag carries a
 * reason in Chinese that the organiser sees next to it; nothing is excluded silently.
 */

/** Whether a round excludes experts from the applicant's own region, and at which level. */
export const SAME_REGION_RULES = ['none', 'province', 'city', 'district'] as const;
export type SameRegionRule = (typeof SAME_REGION_RULES)[number];
export const SAME_REGION_RULE_LABELS: Record<SameRegionRule, string> = {
  none: '不按地区回避',
  province: '同省（自治区、直辖市）回避',
  city: '同地市回避',
  district: '同区县回避',
};

export const CONFLICT_KINDS = ['same_organisation', 'shared_legal_representative', 'same_region', 'declared'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  same_organisation: '同一单位',
  shared_legal_representative: '法定代表人相同',
  same_region: '同地区回避',
  declared: '专家申报回避',
};

/** A conflict the expert declared: an organisation (USCC) or one application, with an optional note. */
export interface DeclaredConflict {
  uscc?: string | null;
  applicationId?: string | null;
  note?: string | null;
}

export interface ExpertForConflicts {
  id: string;
  /** USCC of the expert's employer (工作单位). */
  employerUscc?: string | null;
  employerName?: string | null;
  /** Legal representative of the expert's employer, as registered. */
  employerLegalRepresentative?: string | null;
  /** GB/T 2260 code of where the expert works. */
  regionCode?: string | null;
  declaredConflicts?: readonly DeclaredConflict[];
}

export interface ApplicationForConflicts {
  id: string;
  /** USCC of the applicant (the operator's for platforms). */
  uscc?: string | null;
  name?: string | null;
  legalRepresentative?: string | null;
  regionCode?: string | null;
}

export interface ConflictOptions {
  sameRegionExcluded?: SameRegionRule;
  /** Region names for the reasons (e.g. from the regions table); codes are shown without it. */
  regionName?: (code: string) => string | undefined;
}

export interface Conflict {
  kind: ConflictKind;
  /** Shown to the organiser, in Chinese. */
  reason: string;
}

/** USCCs compare without case and spaces. */
export function normaliseUscc(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, '').toUpperCase();
}

/** Names compare without any whitespace (full-width included) and the middle dot variants. */
export function normalisePersonName(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u3000]+/g, '').replace(/[•·・]/g, '·');
}

/** Organisation names compare without whitespace and with half-width brackets (（） and () alike). */
export function normaliseOrganisationName(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** The region two parties must share to conflict under the rule, or null when the rule does not apply. */
export function sameRegionKey(code: string | null | undefined, rule: SameRegionRule): string | null {
  if (rule === 'none' || !code || !/^\d{6}$/.test(code) || code === '000000') return null;
  return ancestorAt(code, rule);
}

function regionText(code: string, options: ConflictOptions): string {
  const name = options.regionName?.(code);
  return name ? `${name}（${code}）` : code;
}

/** Every conflict between one expert and one application, in a fixed order of kinds. */
export function findConflicts(expert: ExpertForConflicts, application: ApplicationForConflicts, options: ConflictOptions = {}): Conflict[] {
  const conflicts: Conflict[] = [];
  const appUscc = normaliseUscc(application.uscc);
  const employerUscc = normaliseUscc(expert.employerUscc);
  const employer = expert.employerName ? `专家所在单位（${expert.employerName}）` : '专家所在单位';

  const appName = normaliseOrganisationName(application.name);
  if (appUscc && appUscc === employerUscc) {
    conflicts.push({ kind: 'same_organisation', reason: `${employer}即申报单位（统一社会信用代码 ${appUscc}）` });
  } else if ((!appUscc || !employerUscc) && appName && appName === normaliseOrganisationName(expert.employerName)) {
    // Without both codes, the registered names decide.
    conflicts.push({ kind: 'same_organisation', reason: `专家所在单位名称与申报单位相同（${application.name!.trim()}）` });
  }

  const appRep = normalisePersonName(application.legalRepresentative);
  const sameOrganisation = conflicts.length > 0;
  if (appRep && appRep === normalisePersonName(expert.employerLegalRepresentative) && !sameOrganisation) {
    conflicts.push({ kind: 'shared_legal_representative', reason: `${employer}与申报单位的法定代表人相同（${appRep}）` });
  }

  const rule = options.sameRegionExcluded ?? 'none';
  const regionKey = sameRegionKey(application.regionCode, rule);
  if (regionKey && regionKey === sameRegionKey(expert.regionCode, rule)) {
    const level = LEVEL_LABELS[rule as 'province' | 'city' | 'district'];
    conflicts.push({ kind: 'same_region', reason: `专家与申报主体同属${regionText(regionKey, options)}，本批次规定同${level}回避` });
  }

  for (const declared of expert.declaredConflicts ?? []) {
    const byUscc = normaliseUscc(declared.uscc);
    const matchesOrg = byUscc !== '' && byUscc === appUscc;
    const matchesApp = !!declared.applicationId && declared.applicationId === application.id;
    if (!matchesOrg && !matchesApp) continue;
    const what = matchesOrg ? `申报单位（统一社会信用代码 ${appUscc}）` : '本申报书';
    const note = declared.note?.trim() ? `：${declared.note.trim()}` : '';
    conflicts.push({ kind: 'declared', reason: `专家本人申报与${what}存在利益冲突${note}` });
  }
  return conflicts;
}

/** Conflicts of a whole round: application id → expert id → its conflicts (pairs without any are absent). */
export type ConflictMap = Map<string, Map<string, Conflict[]>>;

function addTo<K>(index: Map<K, number[]>, key: K, value: number) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * Every conflicting pair of a round without comparing all pairs: the experts are indexed by the
 * values a conflict can share (employer USCC, legal representative, region, declarations), and only
 * the candidates found through those indexes are checked with `findConflicts`.
 */
export function conflictMap(
  experts: readonly ExpertForConflicts[],
  applications: readonly ApplicationForConflicts[],
  options: ConflictOptions = {},
): ConflictMap {
  const rule = options.sameRegionExcluded ?? 'none';
  const byUscc = new Map<string, number[]>();
  const byRep = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byRegion = new Map<string, number[]>();
  const byDeclaredApp = new Map<string, number[]>();
  experts.forEach((expert, i) => {
    const uscc = normaliseUscc(expert.employerUscc);
    if (uscc) addTo(byUscc, uscc, i);
    const name = normaliseOrganisationName(expert.employerName);
    if (name) addTo(byName, name, i);
    const rep = normalisePersonName(expert.employerLegalRepresentative);
    if (rep) addTo(byRep, rep, i);
    const region = sameRegionKey(expert.regionCode, rule);
    if (region) addTo(byRegion, region, i);
    for (const d of expert.declaredConflicts ?? []) {
      const declaredUscc = normaliseUscc(d.uscc);
      if (declaredUscc) addTo(byUscc, declaredUscc, i);
      if (d.applicationId) addTo(byDeclaredApp, d.applicationId, i);
    }
  });

  const result: ConflictMap = new Map();
  for (const application of applications) {
    const candidates = new Set<number>([
      ...(byUscc.get(normaliseUscc(application.uscc)) ?? []),
      ...(byRep.get(normalisePersonName(application.legalRepresentative)) ?? []),
      ...(byName.get(normaliseOrganisationName(application.name)) ?? []),
      ...(byRegion.get(sameRegionKey(application.regionCode, rule) ?? '') ?? []),
      ...(byDeclaredApp.get(application.id) ?? []),
    ]);
    let perExpert: Map<string, Conflict[]> | undefined;
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const expert = experts[i]!;
      const found = findConflicts(expert, application, options);
      if (found.length === 0) continue;
      perExpert ??= new Map();
      perExpert.set(expert.id, found);
    }
    if (perExpert) result.set(application.id, perExpert);
  }
  return result;
}
