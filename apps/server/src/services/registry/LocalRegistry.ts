import { eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { registryEntries } from '../../db/schema/index.js';
import type { BusinessRegistry, RegistryEntry } from './BusinessRegistry.js';

/** The registry as a local table, filled from CSV (`npm run registry:import -w apps/server -- file.csv`). */
export class LocalRegistry implements BusinessRegistry {
  constructor(private readonly db: Db) {}

  async lookup(nameOrUscc: string): Promise<RegistryEntry | null> {
    const q = nameOrUscc.trim();
    const rows = await this.db
      .select()
      .from(registryEntries)
      .where(or(eq(registryEntries.uscc, q.toUpperCase()), eq(registryEntries.name, q)))
      .limit(1);
    return rows[0] ?? null;
  }
}
