import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { ROOT_DIR, loadEnv, type Env } from '../env.js';
import { createContext } from '../createContext.js';
import type { AppContext } from '../context.js';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { makeApplicant } from '../test/factories.js';
import { users } from '../db/schema/index.js';
import { createPersonalData } from '../services/personalData.js';

// Each case starts the command as its own process (tsx, then every migration on a new PGlite):
// seconds on a quiet machine, much longer while the machine is busy.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const run = promisify(execFile);
const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');
const K2 = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const INDEX2 = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'.repeat(2);

/** keys:rotate as an operator runs it, against a database on disk (PGlite) or the PostgreSQL test database. */
describe('keys:rotate', () => {
  let dataDir: string;
  let pgServer: TestServer | undefined;
  let env: Env;
  let mobile = '';
  let userId = '';

  const withCtx = async <T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> => {
    if (pgServer) return fn(pgServer.ctx);
    const { ctx, close } = await createContext(env);
    try {
      return await fn(ctx);
    } finally {
      await close();
    }
  };
  const cli = async (vars: Record<string, string>) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: env.DATABASE_URL, ...vars };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    try {
      const r = await run(TSX, [path.join(ROOT_DIR, 'apps/server/src/cli/rotateKeys.ts'), '--batch-size', '1'], { env: childEnv });
      return { code: 0, out: r.stdout + r.stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-rotate-cli-'));
    if (process.env.TEST_DATABASE_URL) {
      pgServer = await getTestServer();
      env = pgServer.ctx.env;
    } else {
      env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: dataDir });
    }
    await withCtx(async (ctx) => {
      const a = await makeApplicant(ctx);
      mobile = a.mobile;
      userId = a.user.id;
    });
  });
  afterAll(async () => {
    await pgServer?.close();
    process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  });

  const rotateTo2 = {
    PERSONAL_DATA_KEY: K2,
    PERSONAL_DATA_KEY_ID: 'k2',
    BLIND_INDEX_KEY: INDEX2,
  };

  it('refuses a malformed list of old keys before touching anything', async () => {
    const r = await cli({ ...rotateTo2, PERSONAL_DATA_OLD_KEYS: 'k1=abc' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('PERSONAL_DATA_OLD_KEYS: entry 1 must be <key id>:<32 hex characters>');
  });

  it('re-encrypts under k2 and rewrites the blind index, prints the counts, and finds nothing left', async () => {
    const r = await cli({ ...rotateTo2, PERSONAL_DATA_OLD_KEYS: `k1:${env.PERSONAL_DATA_KEY}`, BLIND_INDEX_OLD_KEY: env.BLIND_INDEX_KEY! });
    expect(r.out).toMatch(/users\.mobile_enc: \d+ rows re-encrypted/);
    expect(r.out).toMatch(/values read with: k1: \d+/);
    expect(r.out).toMatch(/users\.mobile_index: \d+ rewritten/);
    expect(r.out).toContain('OK: no value left under another key than k2');
    expect(r.code).toBe(0);
    const pd = createPersonalData({ key: K2, keyId: 'k2', indexKey: INDEX2 });
    const [row] = await withCtx((ctx) => ctx.db.select().from(users).where(eq(users.id, userId)));
    expect(row!.mobileEnc).toMatch(/^sm4:k2:/);
    expect(pd.reveal(row!.mobileEnc!)).toBe(mobile);
    expect(row!.mobileIndex).toBe(pd.blindIndex(mobile));

    const again = await cli(rotateTo2);
    expect(again.out).toContain('values read with: none');
    expect(again.code).toBe(0);
  });
});
