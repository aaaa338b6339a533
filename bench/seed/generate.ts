/**
 * Seeds a benchmark database (DATABASE_URL, else PGlite under DATA_DIR): migrations, the demo round and
 * authorities, BENCH_APPLICATIONS submitted applications (set-based SQL), and the benchmark's own
 * applicants. Prints JSON for the load generators: sessions, surge logins, the round.
 *   node --import tsx bench/seed/generate.ts > seed.json
 */
import { eq } from 'drizzle-orm';
import { loadEnv } from '../../apps/server/src/env.js';
import { createContext } from '../../apps/server/src/createContext.js';
import { seedDemo } from '../../apps/server/src/db/seed/demo.js';
import { rounds } from '../../apps/server/src/db/schema/index.js';
import { seedBulkApplications } from './bulkApplications.js';
import { seedClients, BENCH_PASSWORD } from './clients.js';
import { applyPendingIndexes } from './pendingIndexes.js';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const env = loadEnv();
const { ctx, close } = await createContext(env);
const t0 = Date.now();
await seedDemo(ctx);
const [round] = await ctx.db.select().from(rounds).where(eq(rounds.code, 'N3'));
if (!round) throw new Error('demo round N3 missing');
const tDemo = Date.now();
const total = num('BENCH_APPLICATIONS', 100_000);
await seedBulkApplications(ctx, { roundId: round.id, total, provinceRecommended: num('BENCH_RECOMMENDED', 2000) });
const tBulk = Date.now();
const clients = await seedClients(ctx, { roundId: round.id, autosave: num('BENCH_AUTOSAVE_USERS', 320), surge: num('BENCH_SURGE_APPLICANTS', 2000), uploads: 9 });
const tClients = Date.now();
await applyPendingIndexes(ctx);
await close();
process.stdout.write(JSON.stringify({
  roundId: round.id,
  password: BENCH_PASSWORD,
  ...clients,
  timings: { demoMs: tDemo - t0, bulkMs: tBulk - tDemo, bulkRows: total, clientsMs: tClients - tBulk },
}));
