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

/** An expert's fields as compared (normalised once per expert, not once per pair). */
interface ExpertKeys {
  uscc: string;
  name: string;
  rep: string;
  region: string | null;
  declared: { uscc: string; applicationId: string | null; note: string }[];
  /** How the reasons name the employer. */
  employer: string;
}

interface ApplicationKeys {
  id: string;
  uscc: string;
  name: string;
  displayName: string;
  rep: string;
  region: string | null;
}

function expertKeys(expert: ExpertForConflicts, rule: SameRegionRule): ExpertKeys {
  return {
    uscc: normaliseUscc(expert.employerUscc),
    name: normaliseOrganisationName(expert.employerName),
    rep: normalisePersonName(expert.employerLegalRepresentative),
    region: sameRegionKey(expert.regionCode, rule),
    declared: (expert.declaredConflicts ?? []).map((d) => ({ uscc: normaliseUscc(d.uscc), applicationId: d.applicationId ?? null, note: d.note?.trim() ?? '' })),
    employer: expert.employerName ? `专家所在单位（${expert.employerName}）` : '专家所在单位',
  };
}

function applicationKeys(application: ApplicationForConflicts, rule: SameRegionRule): ApplicationKeys {
  return {
    id: application.id,
    uscc: normaliseUscc(application.uscc),
    name: normaliseOrganisationName(application.name),
    displayName: application.name?.trim() ?? '',
    rep: normalisePersonName(application.legalRepresentative),
    region: sameRegionKey(application.regionCode, rule),
  };
}

function conflictsBetween(e: ExpertKeys, a: ApplicationKeys, rule: SameRegionRule, regionReason: (key: string) => string): Conflict[] {
  const conflicts: Conflict[] = [];
  if (a.uscc && a.uscc === e.uscc) {
    conflicts.push({ kind: 'same_organisation', reason: `${e.employer}即申报单位（统一社会信用代码 ${a.uscc}）` });
  } else if ((!a.uscc || !e.uscc) && a.name && a.name === e.name) {
    // Without both codes, the registered names decide.
    conflicts.push({ kind: 'same_organisation', reason: `专家所在单位名称与申报单位相同（${a.displayName}）` });
  }
  if (a.rep && a.rep === e.rep && conflicts.length === 0) {
    conflicts.push({ kind: 'shared_legal_representative', reason: `${e.employer}与申报单位的法定代表人相同（${a.rep}）` });
  }
  if (rule !== 'none' && a.region && a.region === e.region) {
    conflicts.push({ kind: 'same_region', reason: regionReason(a.region) });
  }
  for (const declared of e.declared) {
    const matchesOrg = declared.uscc !== '' && declared.uscc === a.uscc;
    const matchesApp = declared.applicationId !== null && declared.applicationId === a.id;
    if (!matchesOrg && !matchesApp) continue;
    const what = matchesOrg ? `申报单位（统一社会信用代码 ${a.uscc}）` : '本申报书';
    conflicts.push({ kind: 'declared', reason: `专家本人申报与${what}存在利益冲突${declared.note ? `：${declared.note}` : ''}` });
  }
  return conflicts;
}

/** The same-region reason, built once per region. */
function regionReasons(options: ConflictOptions): (key: string) => string {
  const rule = options.sameRegionExcluded ?? 'none';
  const cache = new Map<string, string>();
  return (key) => {
    let reason = cache.get(key);
    if (reason === undefined) {
      const level = LEVEL_LABELS[rule as 'province' | 'city' | 'district'];
      reason = `专家与申报主体同属${regionText(key, options)}，本批次规定同${level}回避`;
      cache.set(key, reason);
    }
    return reason;
  };
}

/** Every conflict between one expert and one application, in a fixed order of kinds. */
export function findConflicts(expert: ExpertForConflicts, application: ApplicationForConflicts, options: ConflictOptions = {}): Conflict[] {
  const rule = options.sameRegionExcluded ?? 'none';
  return conflictsBetween(expertKeys(expert, rule), applicationKeys(application, rule), rule, regionReasons(options));
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
 * the candidates found through those indexes are checked, with the same rules as `findConflicts`.
 */
export function conflictMap(
  experts: readonly ExpertForConflicts[],
  applications: readonly ApplicationForConflicts[],
  options: ConflictOptions = {},
): ConflictMap {
  const rule = options.sameRegionExcluded ?? 'none';
  const reason = regionReasons(options);
  const keys = experts.map((e) => expertKeys(e, rule));
  const byUscc = new Map<string, number[]>();
  const byRep = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byRegion = new Map<string, number[]>();
  const byDeclaredApp = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k.uscc) addTo(byUscc, k.uscc, i);
    if (k.name) addTo(byName, k.name, i);
    if (k.rep) addTo(byRep, k.rep, i);
    if (k.region) addTo(byRegion, k.region, i);
    for (const d of k.declared) {
      if (d.uscc) addTo(byUscc, d.uscc, i);
      if (d.applicationId) addTo(byDeclaredApp, d.applicationId, i);
    }
  });

  const result: ConflictMap = new Map();
  for (const application of applications) {
    const a = applicationKeys(application, rule);
    const candidates = new Set<number>([
      ...(byUscc.get(a.uscc) ?? []),
      ...(byRep.get(a.rep) ?? []),
      ...(byName.get(a.name) ?? []),
      ...(byRegion.get(a.region ?? '') ?? []),
      ...(byDeclaredApp.get(a.id) ?? []),
    ]);
    let perExpert: Map<string, Conflict[]> | undefined;
    for (const i of [...candidates].sort((x, y) => x - y)) {
      const found = conflictsBetween(keys[i]!, a, rule, reason);
      if (found.length === 0) continue;
      perExpert ??= new Map();
      perExpert.set(experts[i]!.id, found);
    }
    if (perExpert) result.set(application.id, perExpert);
  }
  return result;
}
