import { z } from 'zod';
import { ancestorAt, levelOf } from '../rules/regions.js';
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

function indexOf(values: string[]): { index: Int32Array; size: number } {
  const ids = new Map<string, number>();
  const index = new Int32Array(values.length);
  values.forEach((v, i) => {
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    index[i] = id;
  });
  return { index, size: Math.max(ids.size, 1) };
}

export function assign(input: AssignInput): AssignResult {
  const settings = assignmentSettingsSchema.parse({ perApplication: input.perApplication, maxPerExpert: input.maxPerExpert });
  const perApplication = settings.perApplication;
  const apps = [...new Map(input.applications.map((a) => [a.id, a])).values()].sort(byId);
  const experts = [...new Map(input.experts.map((e) => [e.id, e])).values()].sort(byId);
  const A = apps.length;
  const E = experts.length;
  const appIndex = new Map(apps.map((a, i) => [a.id, i]));
  const expertIndex = new Map(experts.map((e, i) => [e.id, i]));

  const categories = indexOf(apps.map((a) => a.category));
  const categoryIds = new Map(apps.map((a, i) => [a.category, categories.index[i]!]));
  const level = spreadLevel(apps);
  const regions = indexOf(apps.map((a) => regionAt(a.regionCode, level)));
  const C = categories.size;
  const R = regions.size;

  const cap = Int32Array.from(experts, (e) => Math.max(0, Math.min(settings.maxPerExpert, e.maxLoad ?? Infinity)));
  const reviews: (Set<number> | null)[] = experts.map((e) =>
    e.categories?.length ? new Set(e.categories.map((c) => categoryIds.get(c)).filter((c): c is number => c !== undefined)) : null,
  );
  const expertHash = Uint32Array.from(experts, (e) => hashString(`${input.seed}\u0000expert\u0000${e.id}`));
  const appHash = Uint32Array.from(apps, (a) => hashString(`${input.seed}\u0000application\u0000${a.id}`));

  // Pairs kept out: conflicts of interest and manual exclusions.
  const conflicted: (Set<number> | undefined)[] = new Array(A);
  const excluded: (Set<number> | undefined)[] = new Array(A);
  for (const [appId, perExpert] of input.conflicts ?? []) {
    const a = appIndex.get(appId);
    if (a === undefined) continue;
    for (const expertId of perExpert.keys()) {
      const e = expertIndex.get(expertId);
      if (e !== undefined) (conflicted[a] ??= new Set()).add(e);
    }
  }

  const load = new Int32Array(E);
  const categoryCount = new Int32Array(E * C);
  const regionCount = new Int32Array(E * R);
  const assigned: number[][] = Array.from({ length: A }, () => []);
  const manual: Set<number>[] = Array.from({ length: A }, () => new Set());

  const held: Set<number>[] = Array.from({ length: E }, () => new Set());
  const place = (a: number, e: number, byHand = false) => {
    assigned[a]!.push(e);
    if (!byHand) held[e]!.add(a);
    load[e]++;
    categoryCount[e * C + categories.index[a]!]++;
    regionCount[e * R + regions.index[a]!]++;
  };
  const unplace = (a: number, e: number) => {
    const list = assigned[a]!;
    list.splice(list.indexOf(e), 1);
    held[e]!.delete(a);
    load[e]--;
    categoryCount[e * C + categories.index[a]!]--;
    regionCount[e * R + regions.index[a]!]--;
  };
  const reviewsCategory = (e: number, a: number) => reviews[e] === null || reviews[e]!.has(categories.index[a]!);
  /** May take the application automatically, capacity aside. */
  const allowed = (e: number, a: number) =>
    reviewsCategory(e, a) && !conflicted[a]?.has(e) && !excluded[a]?.has(e) && !assigned[a]!.includes(e);

  const overrideLog = applyOverrides(input, { appIndex, expertIndex, excluded, manual, place, cap, load, perApplication });

  // Greedy pass, most-constrained applications first.
  const eligibleCount = new Int32Array(A);
  for (let a = 0; a < A; a++) {
    let n = 0;
    for (let e = 0; e < E; e++) if (allowed(e, a) && cap[e]! > 0) n++;
    eligibleCount[a] = n;
  }
  // Only scarcity matters: beyond a few spare experts, order is random so that no region or
  // category is dealt out in one block.
  const scarcity = (a: number) => Math.min(eligibleCount[a]!, perApplication * 3);
  const order = Array.from({ length: A }, (_, a) => a).sort((x, y) => scarcity(x) - scarcity(y) || appHash[x]! - appHash[y]! || x - y);
  // Spread compares an expert's count of a category (region) to that category's overall share, so
  // the two dimensions weigh the same whatever their sizes.
  const categoryWeight = shareWeights(categories.index, C);
  const regionWeight = shareWeights(regions.index, R);
  for (const a of order) {
    const c = categories.index[a]!;
    const r = regions.index[a]!;
    while (assigned[a]!.length < perApplication) {
      let minLoad = Infinity;
      for (let e = 0; e < E; e++) if (load[e]! < minLoad && load[e]! < cap[e]! && allowed(e, a)) minLoad = load[e]!;
      if (minLoad === Infinity) break;
      let best = -1;
      let bestCost = Infinity;
      let bestTie = 0;
      for (let e = 0; e < E; e++) {
        const l = load[e]!;
        if (l > minLoad + LOAD_SLACK || l >= cap[e]! || !allowed(e, a)) continue;
        // How far ahead of its proportional share the expert already is in this category and region,
        // plus a price for taking an expert above the lowest load.
        const cost = categoryCount[e * C + c]! * categoryWeight[c]! + regionCount[e * R + r]! * regionWeight[r]! - 2 * l + LOAD_PRICE * (l - minLoad);
        const tie = mix32(expertHash[e]! ^ appHash[a]!);
        if (cost < bestCost || (cost === bestCost && tie < bestTie)) {
          best = e;
          bestCost = cost;
          bestTie = tie;
        }
      }
      place(a, best);
    }
  }

  fillShortApplications({ A, E, perApplication, assigned, held, load, cap, allowed, place, unplace });
  evenOutLoads({ E, assigned, held, load, cap, allowed, place, unplace });

  const assignments: Assignment[] = [];
  const unassignable: Unassignable[] = [];
  for (let a = 0; a < A; a++) {
    for (const e of [...assigned[a]!].sort((x, y) => x - y)) {
      assignments.push({ applicationId: apps[a]!.id, expertId: experts[e]!.id, source: manual[a]!.has(e) ? 'manual' : 'auto' });
    }
    if (assigned[a]!.length < perApplication) {
      unassignable.push({
        applicationId: apps[a]!.id,
        needed: perApplication,
        assigned: assigned[a]!.length,
        reason: shortageReason(a, { E, perApplication, assigned, conflicted, excluded, reviewsCategory, load, cap }),
      });
    }
  }
  const loads = Object.fromEntries(experts.map((e, i) => [e.id, load[i]!]));
  return { assignments, unassignable, loads, overrideLog };
}

/** 1 / (share of the applications) per index value. */
function shareWeights(index: Int32Array, size: number): Float64Array {
  const counts = new Float64Array(size);
  for (const i of index) counts[i]++;
  return counts.map((n) => (n ? index.length / n : 0));
}

interface OverrideState {
  appIndex: Map<string, number>;
  expertIndex: Map<string, number>;
  excluded: (Set<number> | undefined)[];
  manual: Set<number>[];
  place: (a: number, e: number, byHand: boolean) => void;
  cap: Int32Array;
  load: Int32Array;
  perApplication: number;
}

/** The organiser's decisions come first; for the same pair only the latest counts. */
function applyOverrides(input: AssignInput, s: OverrideState): OverrideLogEntry[] {
  const overrides = input.manualOverrides ?? [];
  const latest = new Map<string, number>();
  overrides.forEach((o, i) => latest.set(`${o.applicationId}\u0000${o.expertId}`, i));
  return overrides.map((override, i): OverrideLogEntry => {
    const a = s.appIndex.get(override.applicationId);
    const e = s.expertIndex.get(override.expertId);
    const conflicts = input.conflicts?.get(override.applicationId)?.get(override.expertId) ?? [];
    const skip = (note: string): OverrideLogEntry => ({ override, applied: false, note, conflicts: [] });
    if (a === undefined) return skip('申报书不在本次分配范围内，调整未生效');
    if (e === undefined) return skip('专家不在本次专家名单中，调整未生效');
    if (latest.get(`${override.applicationId}\u0000${override.expertId}`) !== i) return skip('已被之后的调整取代');
    if (override.action === 'exclude') {
      (s.excluded[a] ??= new Set()).add(e);
      return { override, applied: true, note: `已人工排除：${override.reason}`, conflicts: [] };
    }
    const notes = [`已人工指定：${override.reason}`];
    if (conflicts.length) notes.push(`组织单位确认忽略利益冲突（${conflicts.map((c) => c.reason).join('；')}）`);
    if (s.load[e]! >= s.cap[e]!) notes.push('该专家已达评审上限，仍按人工指定分配');
    if (s.manual[a]!.size >= s.perApplication) notes.push('该申报书的人工指定专家已超过每份所需人数');
    s.place(a, e, true);
    s.manual[a]!.add(e);
    return { override, applied: true, note: notes.join('；'), conflicts };
  });
}

interface RepairState {
  assigned: number[][];
  /** Per expert, the applications held by automatic assignment (manual ones never move). */
  held: Set<number>[];
  load: Int32Array;
  cap: Int32Array;
  allowed: (e: number, a: number) => boolean;
  place: (a: number, e: number) => void;
  unplace: (a: number, e: number) => void;
}

/**
 * An application still short of experts takes a full expert X if one of X's other applications
 * can move to an expert Y with room: X → this application, Y → X's other one.
 */
function fillShortApplications(s: RepairState & { A: number; E: number; perApplication: number }) {
  for (let a = 0; a < s.A; a++) {
    while (s.assigned[a]!.length < s.perApplication) {
      const roomy = roomyExperts(s);
      if (roomy.length === 0) return;
      if (!moveOneFor(s, a, roomy)) break;
    }
  }
}

function roomyExperts(s: RepairState & { E: number }): number[] {
  const roomy: number[] = [];
  for (let e = 0; e < s.E; e++) if (s.load[e]! < s.cap[e]!) roomy.push(e);
  return roomy;
}

function moveOneFor(s: RepairState & { E: number }, a: number, roomy: number[]): boolean {
  for (let x = 0; x < s.E; x++) {
    if (s.load[x]! < s.cap[x]! || !s.allowed(x, a)) continue;
    for (const b of s.held[x]!) {
      if (b === a) continue;
      const y = roomy.find((y) => y !== x && s.allowed(y, b));
      if (y === undefined) continue;
      s.unplace(b, x);
      s.place(b, y);
      s.place(a, x);
      return true;
    }
  }
  return false;
}

/** Moves applications from the most to the least loaded experts while loads differ by 2 or more. */
function evenOutLoads(s: RepairState & { E: number }) {
  const held = s.held;
  for (let guard = 0; guard < 1_000_000; guard++) {
    const byLoad = Array.from({ length: s.E }, (_, e) => e).sort((x, y) => s.load[x]! - s.load[y]! || x - y);
    let moved = false;
    for (let hi = s.E - 1; hi >= 0 && !moved; hi--) {
      const from = byLoad[hi]!;
      for (let lo = 0; lo < hi && !moved; lo++) {
        const to = byLoad[lo]!;
        if (s.load[from]! - s.load[to]! < 2) break;
        if (s.load[to]! >= s.cap[to]!) continue;
        for (const a of held[from]!) {
          if (!s.allowed(to, a)) continue;
          s.unplace(a, from);
          s.place(a, to);
          moved = true;
          break;
        }
      }
    }
    if (!moved) return;
  }
}

function shortageReason(
  a: number,
  s: {
    E: number;
    perApplication: number;
    assigned: number[][];
    conflicted: (Set<number> | undefined)[];
    excluded: (Set<number> | undefined)[];
    reviewsCategory: (e: number, a: number) => boolean;
    load: Int32Array;
    cap: Int32Array;
  },
): string {
  let conflicts = 0;
  let excluded = 0;
  let otherCategory = 0;
  let full = 0;
  for (let e = 0; e < s.E; e++) {
    if (s.assigned[a]!.includes(e)) continue;
    if (!s.reviewsCategory(e, a)) otherCategory++;
    else if (s.conflicted[a]?.has(e)) conflicts++;
    else if (s.excluded[a]?.has(e)) excluded++;
    else if (s.load[e]! >= s.cap[e]!) full++;
  }
  const parts: string[] = [];
  if (conflicts) parts.push(`${conflicts}位存在利益冲突`);
  if (excluded) parts.push(`${excluded}位被人工排除`);
  if (otherCategory) parts.push(`${otherCategory}位不评审该类别`);
  if (full) parts.push(`${full}位已达评审上限`);
  const detail = parts.length ? `：${parts.join('，')}` : '';
  return `需要${s.perApplication}位专家，仅分配到${s.assigned[a]!.length}位（共${s.E}位专家${detail}）`;
}
