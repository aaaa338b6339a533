import { seededShuffle } from './random.js';

/**
 * The order in which one expert sees their applications. Each expert gets a different, stable
 * order (seeded by the round's seed and the expert's id) so that no application always comes first
 * or last for everyone (order bias), and reloading the page never reshuffles the list.
 * The result does not depend on the order of `applicationIds`.
 */
export function reviewOrder(applicationIds: readonly string[], roundSeed: string, expertId: string): string[] {
  const canonical = [...new Set(applicationIds)].sort();
  return seededShuffle(canonical, `${roundSeed}\u0000order\u0000${expertId}`);
}
