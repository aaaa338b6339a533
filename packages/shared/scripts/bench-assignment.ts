/**
 * Benchmark of the expert assignment (not a test): E experts × A applications × N experts each
 * (default 500 × 5,000 × 5), with conflicts of interest (same employer, shared legal representative,
 * same province excluded, declared conflicts), in two scenarios:
 *   spread   – experts and applications spread over ten provinces, every expert reviews everything;
 *   skewed   – three provinces, 60 % of experts in one of them, a fifth of the experts review city
 *              applications only and a tenth platforms and projects only (loads cannot all be equal).
 * Run: npx tsx packages/shared/scripts/bench-assignment.ts [experts] [applications] [perApplication]
 *
 * Measured on the shared 2-core dev machine while other jobs ran (load average 17–22), so these are
 * upper bounds: spread – conflict map (250,610 pairs) 0.4–1.1 s, assignment of 25,000 pairs
 * 0.9–1.8 s, every load exactly 50, no expert more than 2.0 (category) / 2.5 (province) points above
 * the overall share; skewed – conflict map (819,322 pairs) 1.2–1.4 s, assignment 2.5–2.6 s, loads
 * 33–60 (the city-only experts can take about 33 each at most; their shares are 100 % by design).
 */
import { assign, suggestedMaxPerExpert, type ApplicationToAssign, type ExpertToAssign } from '../src/review/assignment.js';
import { conflictMap, type ApplicationForConflicts, type ExpertForConflicts } from '../src/review/conflicts.js';
import { seededRandom } from '../src/review/random.js';

const [E = 500, A = 5000, N = 5] = process.argv.slice(2).map(Number);

type BenchApplication = ApplicationToAssign & ApplicationForConflicts;
type BenchExpert = ExpertToAssign & ExpertForConflicts;

function scenario(name: 'spread' | 'skewed'): { applications: BenchApplication[]; experts: BenchExpert[] } {
  const random = seededRandom(`bench-${name}`);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const provinces = name === 'spread' ? ['11', '31', '32', '33', '37', '44', '21', '51', '42', '35'] : ['44', '31', '11'];
  const region = (province = pick(provinces)) => `${province}${String(1 + Math.floor(random() * 9)).padStart(2, '0')}0${1 + Math.floor(random() * 8)}`;
  const categories = ['enterprise', 'enterprise', 'enterprise', 'platform', 'platform', 'project', 'city'];
  const reps = Array.from({ length: 3000 }, (_, i) => `代表${i}`);
  const applications = Array.from({ length: A }, (_, i) => ({
    id: `app-${String(i).padStart(5, '0')}`,
    uscc: `U${String(i).padStart(17, '0')}`,
    legalRepresentative: pick(reps),
    regionCode: region(),
    category: pick(categories),
  }));
  const experts = Array.from({ length: E }, (_, i) => ({
    id: `expert-${String(i).padStart(4, '0')}`,
    employerUscc: random() < 0.05 ? pick(applications).uscc : `X${String(i).padStart(17, '0')}`,
    employerLegalRepresentative: pick(reps),
    regionCode: name === 'skewed' && random() < 0.6 ? region('44') : region(),
    declaredConflicts: random() < 0.2 ? [{ applicationId: pick(applications).id }] : [],
    categories: name === 'skewed' && i % 5 === 0 ? ['city'] : name === 'skewed' && i % 10 === 1 ? ['platform', 'project'] : null,
  }));
  return { applications, experts };
}

/** Each expert's largest share of one category (or province), minus that one's overall share. */
function worstExcessShare(result: ReturnType<typeof assign>, applications: BenchApplication[], key: (a: BenchApplication) => string): number {
  const app = new Map(applications.map((a) => [a.id, a]));
  const overall = new Map<string, number>();
  for (const a of applications) overall.set(key(a), (overall.get(key(a)) ?? 0) + 1 / applications.length);
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

for (const name of ['spread', 'skewed'] as const) {
  const { applications, experts } = scenario(name);
  const t0 = performance.now();
  const conflicts = conflictMap(experts, applications, { sameRegionExcluded: 'province' });
  const t1 = performance.now();
  const maxPerExpert = suggestedMaxPerExpert(A, E, N) + (name === 'spread' ? 5 : 40);
  const result = assign({ applications, experts, perApplication: N, maxPerExpert, seed: 'bench-round', conflicts });
  const t2 = performance.now();
  const loads = Object.values(result.loads);
  const pairs = [...conflicts.values()].reduce((s, m) => s + m.size, 0);
  console.log(`[${name}] ${E} experts × ${A} applications × ${N} per application (cap ${maxPerExpert})`);
  console.log(`  conflict map: ${pairs} conflicting pairs in ${(t1 - t0).toFixed(0)} ms`);
  console.log(`  assignment: ${result.assignments.length} assignments in ${(t2 - t1).toFixed(0)} ms`);
  console.log(`  loads: min ${Math.min(...loads)}, max ${Math.max(...loads)}; unassignable: ${result.unassignable.length}`);
  console.log(`  largest excess share of one category: ${(100 * worstExcessShare(result, applications, (a) => a.category)).toFixed(1)} points`);
  console.log(`  largest excess share of one province: ${(100 * worstExcessShare(result, applications, (a) => a.regionCode.slice(0, 2))).toFixed(1)} points`);
}
