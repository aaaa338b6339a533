import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { loadEnv, type Env } from '../env.js';
import { createContext } from '../createContext.js';
import { buildApp, type App } from '../app.js';
import type { AppContext } from '../context.js';

/**
 * A real app on a real, empty database for one test file: in-memory PGlite by default, or a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways).
 */
export interface TestServer {
  app: App;
  ctx: AppContext;
  /** Moves the server clock (deadline tests). */
  setNow(d: Date | null): void;
  close(): Promise<void>;
}

export async function getTestServer(overrides: Partial<Env> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-test-'));
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const { default: pg } = await import('pg');
    const name = `fw_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  let fixedNow: Date | null = null;
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...overrides });
  const { ctx, close } = await createContext(env, { memory: !databaseUrl, now: () => fixedNow ?? new Date() });
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    setNow: (d) => (fixedNow = d),
    close: async () => {
      await app.close();
      await close();
      await dropDb?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
