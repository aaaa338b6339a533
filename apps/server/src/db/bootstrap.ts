import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { regions } from './schema/index.js';
import { seedRegions } from './seed/regions.js';

/** Reference data every installation needs (the GB/T 2260 divisions); runs at every start, cheap when done. */
export async function bootstrap(db: Db): Promise<void> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (!r || r.n === 0) await seedRegions(db);
}
