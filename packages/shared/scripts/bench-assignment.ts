/**
 * Benchmark of the expert assignment (not a test): 500 experts × 5,000 applications × 5 experts each,
 * with conflicts of interest (same employer, shared legal representative, same province, declared).
 * Run: npx tsx packages/shared/scripts/bench-assignment.ts [experts] [applications] [perApplication]
 */
import { assign } from '../src/review/assignment.js';
import { conflictMap, type ApplicationForConflicts, type ExpertForConflicts } from '../src/review/conflicts.js';
import { seededRandom } from '../src/review/random.js';

const [E = 500, A = 5000, N = 5] = process.argv.slice(2).map(Number);
const random = seededRandom('bench');
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const provinces = ['11', '31', '32', '33', '37', '44', '21', '51', '42', '35'];
const region = () => `${pick(provinces)}${String(1 + Math.floor(random() * 9)).padStart(2, '0')}0${1 + Math.floor(random() * 8)}`;
const categories = ['enterprise', 'enterprise', 'enterprise', 'platform', 'platform', 'project', 'city'];
const reps = Array.from({ length: 3000 }, (_, i) => `代表${i}`);

const applications = Array.from({ length: A }, (_, i) => ({
  id: `app-${String(i).padStart(5, '0')}`,
  uscc: `U${String(i).padStart(17, '0')}`,
  legalRepresentative: pick(reps),
  regionCode: region(),
  category: pick(categories),
}));
const experts: ExpertForConflicts[] = Array.from({ length: E }, (_, i) => ({
  id: `expert-${String(i).padStart(4, '0')}`,
  employerUscc: random() < 0.05 ? pick(applications).uscc : `X${String(i).padStart(17, '0')}`,
  employerLegalRepresentative: pick(reps),
  regionCode: region(),
  declaredConflicts: random() < 0.2 ? [{ applicationId: pick(applications).id }] : [],
}));

const t0 = performance.now();
const conflicts = conflictMap(experts, applications as ApplicationForConflicts[], { sameRegionExcluded: 'province' });
const t1 = performance.now();
const maxPerExpert = Math.ceil((A * N) / E) + 5;
const result = assign({ applications, experts, perApplication: N, maxPerExpert, seed: 'bench-round', conflicts });
const t2 = performance.now();

const loads = Object.values(result.loads);
const pairs = [...conflicts.values()].reduce((s, m) => s + m.size, 0);
console.log(`${E} experts × ${A} applications × ${N} per application (cap ${maxPerExpert})`);
console.log(`conflict map: ${pairs} conflicting pairs in ${(t1 - t0).toFixed(0)} ms`);
console.log(`assignment: ${result.assignments.length} assignments in ${(t2 - t1).toFixed(0)} ms`);
console.log(`loads: min ${Math.min(...loads)}, max ${Math.max(...loads)}; unassignable: ${result.unassignable.length}`);

// Spread: each expert's largest share of one category (or province), minus that category's overall share.
const app = new Map(applications.map((a) => [a.id, a]));
function worstExcessShare(key: (a: (typeof applications)[number]) => string): number {
  const overall = new Map<string, number>();
  for (const a of applications) overall.set(key(a), (overall.get(key(a)) ?? 0) + 1 / A);
  const perExpert = new Map<string, Map<string, number>>();
  for (const { expertId, applicationId } of result.assignments) {
    const counts = perExpert.get(expertId) ?? new Map<string, number>();
    const k = key(app.get(applicationId)!);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    perExpert.set(expertId, counts);
  }
  let worst = 0;
  for (const [expertId, counts] of perExpert) {
    for (const [k, n] of counts) worst = Math.max(worst, n / result.loads[expertId]! - overall.get(k)!);
  }
  return worst;
}
console.log(`largest excess share of one category over its overall share: ${(100 * worstExcessShare((a) => a.category)).toFixed(1)} points`);
console.log(`largest excess share of one province over its overall share: ${(100 * worstExcessShare((a) => a.regionCode.slice(0, 2))).toFixed(1)} points`);
