/**
 * The working state of one assignment run: everything indexed by position in the id-sorted lists
 * of applications (a) and experts (e), in typed arrays so that hundreds of experts × thousands of
 * applications take seconds, not minutes.
 */
export interface AssignmentState {
  A: number;
  E: number;
  perApplication: number;
  /** Category and spread region of each application, as small integers. */
  category: Int32Array;
  region: Int32Array;
  C: number;
  R: number;
  cap: Int32Array;
  load: Int32Array;
  /** reviewsCategory[e * C + c] = 1 when expert e reviews category c. */
  reviewsCategory: Uint8Array;
  /** blocked[a * E + e]: CONFLICT and/or EXCLUDED bits. */
  blocked: Uint8Array;
  /** Per application, its experts. */
  assigned: number[][];
  /** Per expert, the applications held by automatic assignment (manual ones never move). */
  held: Set<number>[];
  /** Per application, the experts forced in by hand. */
  manual: Set<number>[];
  categoryCount: Int32Array;
  regionCount: Int32Array;
  /** 1 / (share of all applications) of each category and region. */
  categoryWeight: Float64Array;
  regionWeight: Float64Array;
}

export const CONFLICT = 1;
export const EXCLUDED = 2;

export function place(s: AssignmentState, a: number, e: number, byHand = false): void {
  s.assigned[a]!.push(e);
  if (!byHand) s.held[e]!.add(a);
  s.load[e]++;
  s.categoryCount[e * s.C + s.category[a]!]++;
  s.regionCount[e * s.R + s.region[a]!]++;
}

export function unplace(s: AssignmentState, a: number, e: number): void {
  const list = s.assigned[a]!;
  list.splice(list.indexOf(e), 1);
  s.held[e]!.delete(a);
  s.load[e]--;
  s.categoryCount[e * s.C + s.category[a]!]--;
  s.regionCount[e * s.R + s.region[a]!]--;
}

export function reviews(s: AssignmentState, e: number, a: number): boolean {
  return s.reviewsCategory[e * s.C + s.category[a]!] === 1;
}

/** Expert e may take application a automatically, capacity aside. */
export function allowed(s: AssignmentState, e: number, a: number): boolean {
  return s.blocked[a * s.E + e] === 0 && reviews(s, e, a) && !s.assigned[a]!.includes(e);
}

export function hasRoom(s: AssignmentState, e: number): boolean {
  return s.load[e]! < s.cap[e]!;
}

/**
 * How far expert e is already ahead of its proportional share of a's category and region
 * (counts weighted by 1 / share, minus the load they would have at exactly their share).
 */
export function spreadCost(s: AssignmentState, e: number, a: number): number {
  const c = s.category[a]!;
  const r = s.region[a]!;
  return s.categoryCount[e * s.C + c]! * s.categoryWeight[c]! + s.regionCount[e * s.R + r]! * s.regionWeight[r]! - 2 * s.load[e]!;
}

/** 1 / (share of the applications) per index value. */
export function shareWeights(index: Int32Array, size: number): Float64Array {
  const counts = new Float64Array(size);
  for (const i of index) counts[i]++;
  return counts.map((n) => (n ? index.length / n : 0));
}
