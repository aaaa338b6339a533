import { allowed, hasRoom, place, spreadCost, unplace, type AssignmentState } from './assignmentState.js';

/**
 * The two repair passes after the greedy assignment (see assignment.ts). Manual assignments are
 * never in `held`, so they never move.
 */

/**
 * An application still short of experts takes a full expert X if one of X's other applications
 * can move to an expert Y with room: X → this application, Y → X's other one. Loads only grow
 * here, so an application that no expert with room may take is marked and never tried again.
 */
export function fillShortApplications(s: AssignmentState): void {
  const stuck = new Uint8Array(s.A);
  for (let a = 0; a < s.A; a++) {
    while (s.assigned[a]!.length < s.perApplication) {
      const roomy: number[] = [];
      for (let e = 0; e < s.E; e++) if (hasRoom(s, e)) roomy.push(e);
      if (roomy.length === 0) return;
      if (!swapInto(s, a, roomy, stuck)) break;
    }
  }
}

function swapInto(s: AssignmentState, a: number, roomy: number[], stuck: Uint8Array): boolean {
  for (let x = 0; x < s.E; x++) {
    if (hasRoom(s, x) || !allowed(s, x, a)) continue;
    for (const b of s.held[x]!) {
      if (b === a || stuck[b]) continue;
      const y = roomy.find((y) => hasRoom(s, y) && allowed(s, y, b));
      if (y === undefined) {
        stuck[b] = 1;
        continue;
      }
      unplace(s, b, x);
      place(s, b, y);
      place(s, a, x);
      return true;
    }
  }
  return false;
}

/**
 * While some expert has room and holds at least 2 fewer than another, it takes over one of that
 * other's applications, the one that suits its spread best. Least loaded experts go first; sweeps
 * repeat until one moves nothing. Every move lowers the sum of squared loads, so it ends.
 */
export function evenOutLoads(s: AssignmentState): void {
  for (;;) {
    let moved = false;
    const byLoad = Array.from({ length: s.E }, (_, e) => e).sort((x, y) => s.load[x]! - s.load[y]! || x - y);
    const maxLoad = s.E ? s.load[byLoad[s.E - 1]!]! : 0;
    for (const to of byLoad) {
      if (maxLoad - s.load[to]! < 2) break;
      while (hasRoom(s, to)) {
        const move = bestMoveTo(s, to);
        if (!move) break;
        unplace(s, move.a, move.from);
        place(s, move.a, to);
        moved = true;
      }
    }
    if (!moved) return;
  }
}

function bestMoveTo(s: AssignmentState, to: number): { a: number; from: number } | null {
  let best: { a: number; from: number } | null = null;
  let bestCost = Infinity;
  for (let a = 0; a < s.A; a++) {
    if (!allowed(s, to, a)) continue;
    let from = -1;
    for (const e of s.assigned[a]!) {
      if (s.held[e]!.has(a) && s.load[e]! >= s.load[to]! + 2 && (from < 0 || s.load[e]! > s.load[from]!)) from = e;
    }
    if (from < 0) continue;
    const cost = spreadCost(s, to, a);
    if (cost < bestCost) {
      best = { a, from };
      bestCost = cost;
    }
  }
  return best;
}
