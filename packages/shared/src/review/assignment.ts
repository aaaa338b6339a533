import { z } from 'zod';
import { ancestorAt, levelOf } from '../rules/regions.js';
import { applyOverrides } from './assignmentOverrides.js';
import { evenOutLoads, fillShortApplications } from './assignmentRepair.js';
import { allowed, CONFLICT, EXCLUDED, hasRoom, place, reviews, shareWeights, spreadCost, type AssignmentState } from './assignmentState.js';
import type { Conflict, ConflictMap } from './conflicts.js';
import { hashString, mix32 } from './random.js';

/**
 * Assignment of applications to experts (专家分配): `perApplication` experts for each application,
 * at most `maxPerExpert` applications per expert, no expert with a conflict of interest, loads as
 * even as the constraints allow, and each expert's applications a mix of categories and regions.
 *
 * How: applications are taken scarcest first (fewest eligible experts), the rest in a seeded random
 * order; each takes, among eligible experts whose load is at most one above the lowest, those least
 * ahead of their proportional share of the application's category and region (a unit of extra load
 * is priced in), ties broken by a seeded hash of the pair. Two repair passes follow:
 * a short application takes a full expert whose other application another expert can take over, and
 * loads that differ by 2 or more are evened out by moving applications. Everything is computed on
 * arrays in a canonical (id-sorted) order, so the same input and seed give the same result.
 */

export interface ApplicationToAssign {
  id: string;
  category: string;
  subType?: string | null;
  regionCode: string;
}

export interface ExpertToAssign {
  id: string;
  /** Categories the expert reviews; empty or absent: every category. */
  categories?: readonly string[] | null;
  /** The expert's own cap when lower than the round's (e.g. limited time). */
  maxLoad?: number | null;
}

/** An organiser's decision on one pair, logged: force the pair in, or keep it out. */
export const manualOverrideSchema = z.object({
  action: z.enum(['assign', 'exclude']),
  applicationId: z.string().min(1),
  expertId: z.string().min(1),
  reason: z.string().trim().min(1, '请填写调整理由').max(500),
  /** Who decided and when (for the log; the server fills these). */
  by: z.string().optional(),
  at: z.string().optional(),
});
export type ManualOverride = z.infer<typeof manualOverrideSchema>;

/** The round's assignment settings. */
export const assignmentSettingsSchema = z.object({
  perApplication: z.number().int().min(1, '每份申报书至少分配1位专家').max(50),
  maxPerExpert: z.number().int().min(1, '每位专家至少评审1份').max(10000),
});
export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>;

export interface AssignInput extends AssignmentSettings {
  applications: readonly ApplicationToAssign[];
  experts: readonly ExpertToAssign[];
  /** The round's seed: the same seed gives the same assignment. */
  seed: string;
  /** From `conflictMap`: conflicting pairs are never assigned automatically. */
  conflicts?: ConflictMap;
  /** In the order they were made; for the same pair the later one wins. */
  manualOverrides?: readonly ManualOverride[];
}

export interface Assignment {
  applicationId: string;
  expertId: string;
  source: 'auto' | 'manual';
}

export interface Unassignable {
  applicationId: string;
  needed: number;
  assigned: number;
  /** Why no more experts could be found, in Chinese. */
  reason: string;
}

export interface OverrideLogEntry {
  override: ManualOverride;
  applied: boolean;
  /** What the override did, in Chinese (kept in the audit log). */
  note: string;
  /** Conflicts the organiser overrode by forcing the pair in. */
  conflicts: Conflict[];
}

export interface AssignResult {
  /** Sorted by application id, then expert id. */
  assignments: Assignment[];
  unassignable: Unassignable[];
  /** Applications per expert (every expert listed, zero included). */
  loads: Record<string, number>;
  overrideLog: OverrideLogEntry[];
}

/** Experts up to this much above the lowest load may be chosen for a better spread (evened out after). */
const LOAD_SLACK = 1;
/** What one unit of load above the lowest costs against the spread (in units of "one proportional share"). */
const LOAD_PRICE = 2;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The region level at which the applications differ (a municipal round spreads by district). */
function spreadLevel(applications: readonly ApplicationToAssign[]): 'province' | 'city' | 'district' {
  for (const level of ['province', 'city'] as const) {
    const keys = new Set(applications.map((a) => regionAt(a.regionCode, level)));
    if (keys.size > 1) return level;
  }
  return 'district';
}

function regionAt(code: string, level: 'province' | 'city' | 'district'): string {
  return /^\d{6}$/.test(code) && levelOf(code) !== 'ministry' ? ancestorAt(code, level) : code;
}

function indexOf(values: string[]): { index: Int32Array; ids: Map<string, number> } {
  const ids = new Map<string, number>();
  const index = new Int32Array(values.length);
  values.forEach((v, i) => {
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    index[i] = id;
  });
  return { index, ids };
}

/** A cap that lets every application get its experts with loads spread evenly: ⌈A × N / E⌉. */
export function suggestedMaxPerExpert(applications: number, experts: number, perApplication: number): number {
  return experts > 0 ? Math.max(1, Math.ceil((applications * perApplication) / experts)) : 0;
}

export function assign(input: AssignInput): AssignResult {
  const settings = assignmentSettingsSchema.parse({ perApplication: input.perApplication, maxPerExpert: input.maxPerExpert });
  const apps = [...new Map(input.applications.map((a) => [a.id, a])).values()].sort(byId);
  const experts = [...new Map(input.experts.map((e) => [e.id, e])).values()].sort(byId);
  const s = initialState(apps, experts, settings, input.conflicts);
  const index = { application: new Map(apps.map((a, i) => [a.id, i])), expert: new Map(experts.map((e, i) => [e.id, i])) };
  const overrideLog = applyOverrides(s, input.manualOverrides ?? [], index, input.conflicts);

  greedy(s, input.seed, apps, experts);
  fillShortApplications(s);
  evenOutLoads(s);

  const assignments: Assignment[] = [];
  const unassignable: Unassignable[] = [];
  for (let a = 0; a < s.A; a++) {
    for (const e of [...s.assigned[a]!].sort((x, y) => x - y)) {
      assignments.push({ applicationId: apps[a]!.id, expertId: experts[e]!.id, source: s.manual[a]!.has(e) ? 'manual' : 'auto' });
    }
    if (s.assigned[a]!.length < s.perApplication) {
      unassignable.push({ applicationId: apps[a]!.id, needed: s.perApplication, assigned: s.assigned[a]!.length, reason: shortageReason(s, a) });
    }
  }
  const loads = Object.fromEntries(experts.map((e, i) => [e.id, s.load[i]!]));
  return { assignments, unassignable, loads, overrideLog };
}

function initialState(
  apps: readonly ApplicationToAssign[],
  experts: readonly ExpertToAssign[],
  settings: AssignmentSettings,
  conflicts: ConflictMap | undefined,
): AssignmentState {
  const A = apps.length;
  const E = experts.length;
  const categories = indexOf(apps.map((a) => a.category));
  const level = spreadLevel(apps);
  const regions = indexOf(apps.map((a) => regionAt(a.regionCode, level)));
  const C = Math.max(categories.ids.size, 1);
  const R = Math.max(regions.ids.size, 1);

  const reviewsCategory = new Uint8Array(E * C);
  experts.forEach((expert, e) => {
    const own = expert.categories?.length ? expert.categories : null;
    for (const [category, c] of categories.ids) if (!own || own.includes(category)) reviewsCategory[e * C + c] = 1;
  });

  const blocked = new Uint8Array(A * E);
  const appIndex = new Map(apps.map((a, i) => [a.id, i]));
  const expertIndex = new Map(experts.map((e, i) => [e.id, i]));
  for (const [appId, perExpert] of conflicts ?? []) {
    const a = appIndex.get(appId);
    if (a === undefined) continue;
    for (const expertId of perExpert.keys()) {
      const e = expertIndex.get(expertId);
      if (e !== undefined) blocked[a * E + e] |= CONFLICT;
    }
  }

  return {
    A,
    E,
    perApplication: settings.perApplication,
    category: categories.index,
    region: regions.index,
    C,
    R,
    cap: Int32Array.from(experts, (e) => Math.max(0, Math.min(settings.maxPerExpert, e.maxLoad ?? Infinity))),
    load: new Int32Array(E),
    reviewsCategory,
    blocked,
    assigned: Array.from({ length: A }, () => []),
    held: Array.from({ length: E }, () => new Set()),
    manual: Array.from({ length: A }, () => new Set()),
    categoryCount: new Int32Array(E * C),
    regionCount: new Int32Array(E * R),
    categoryWeight: shareWeights(categories.index, C),
    regionWeight: shareWeights(regions.index, R),
  };
}

/**
 * Scarcest applications first (only scarcity matters: beyond a few spare experts the order is
 * random, so no region or category is dealt out in one block); each takes, among the experts at
 * most LOAD_SLACK above the lowest eligible load, the one with the lowest spread cost plus
 * LOAD_PRICE per unit of load above that lowest, ties by a seeded hash of the pair.
 */
function greedy(s: AssignmentState, seed: string, apps: readonly ApplicationToAssign[], experts: readonly ExpertToAssign[]) {
  const expertHash = Uint32Array.from(experts, (e) => hashString(`${seed}\u0000expert\u0000${e.id}`));
  const appHash = Uint32Array.from(apps, (a) => hashString(`${seed}\u0000application\u0000${a.id}`));
  const scarcity = new Int32Array(s.A);
  for (let a = 0; a < s.A; a++) {
    let n = 0;
    for (let e = 0; e < s.E && n < s.perApplication * 3; e++) if (s.cap[e]! > 0 && allowed(s, e, a)) n++;
    scarcity[a] = n;
  }
  const order = Array.from({ length: s.A }, (_, a) => a).sort((x, y) => scarcity[x]! - scarcity[y]! || appHash[x]! - appHash[y]! || x - y);
  for (const a of order) {
    while (s.assigned[a]!.length < s.perApplication) {
      let minLoad = Infinity;
      for (let e = 0; e < s.E; e++) if (s.load[e]! < minLoad && hasRoom(s, e) && allowed(s, e, a)) minLoad = s.load[e]!;
      if (minLoad === Infinity) break;
      let best = -1;
      let bestCost = Infinity;
      let bestTie = 0;
      for (let e = 0; e < s.E; e++) {
        const l = s.load[e]!;
        if (l > minLoad + LOAD_SLACK || !hasRoom(s, e) || !allowed(s, e, a)) continue;
        const cost = spreadCost(s, e, a) + LOAD_PRICE * (l - minLoad);
        const tie = mix32(expertHash[e]! ^ appHash[a]!);
        if (cost < bestCost || (cost === bestCost && tie < bestTie)) {
          best = e;
          bestCost = cost;
          bestTie = tie;
        }
      }
      place(s, a, best);
    }
  }
}

function shortageReason(s: AssignmentState, a: number): string {
  let conflicts = 0;
  let excluded = 0;
  let otherCategory = 0;
  let full = 0;
  for (let e = 0; e < s.E; e++) {
    if (s.assigned[a]!.includes(e)) continue;
    const blocked = s.blocked[a * s.E + e]!;
    if (!reviews(s, e, a)) otherCategory++;
    else if (blocked & CONFLICT) conflicts++;
    else if (blocked & EXCLUDED) excluded++;
    else if (!hasRoom(s, e)) full++;
  }
  const parts: string[] = [];
  if (conflicts) parts.push(`${conflicts}位存在利益冲突`);
  if (excluded) parts.push(`${excluded}位被人工排除`);
  if (otherCategory) parts.push(`${otherCategory}位不评审该类别`);
  if (full) parts.push(`${full}位已达评审上限`);
  const detail = parts.length ? `：${parts.join('，')}` : '';
  return `需要${s.perApplication}位专家，仅分配到${s.assigned[a]!.length}位（共${s.E}位专家${detail}）`;
}
