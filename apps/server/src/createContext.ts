import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import type { Env } from './env.js';
import { openDatabase } from './db/client.js';
import { bootstrap } from './db/bootstrap.js';
import { createPersonalData } from './services/personalData.js';
import { OutboxSmsSender } from './services/sms/OutboxSmsSender.js';
import { createProviderSmsSender } from './services/sms/providers.js';
import { LocalRegistry } from './services/registry/LocalRegistry.js';
import { createFileStore } from './services/files/createFileStore.js';

/** Wires the adapters chosen by configuration. `memory` keeps PGlite in memory (tests). */
export async function createContext(env: Env, opts: { memory?: boolean; log?: FastifyBaseLogger; now?: () => Date } = {}) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: opts.memory ? null : env.DATA_DIR, onIdleError: (err) => opts.log?.warn({ err }, 'idle database connection lost') });
  await bootstrap(database.db);
  const personalData = createPersonalData({ key: env.PERSONAL_DATA_KEY!, keyId: env.PERSONAL_DATA_KEY_ID, oldKeys: env.PERSONAL_DATA_OLD_KEYS, indexKey: env.BLIND_INDEX_KEY! });
  const sms = env.SMS_PROVIDER === 'outbox' ? new OutboxSmsSender(database.db, personalData, opts.log) : createProviderSmsSender(env);
  const ctx: AppContext = {
    env,
    db: database.db,
    dbMode: database.mode,
    personalData,
    sms,
    registry: new LocalRegistry(database.db),
    files: createFileStore(env),
    now: opts.now ?? (() => new Date()),
  };
  return { ctx, close: database.close };
}
