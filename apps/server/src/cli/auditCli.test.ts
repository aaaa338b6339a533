import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { ROOT_DIR, loadEnv, type Env } from '../env.js';
import { createContext } from '../createContext.js';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { recordAudit } from '../services/audit.js';
import { sealAuditBatch } from '../jobs/sealAudit.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

// Each case starts the command as its own process (tsx, then every migration on a new PGlite):
// seconds on a quiet machine, much longer while the machine is busy.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const run = promisify(execFile);
const TSX = path.join(ROOT_DIR, 'node_modules/.bin/tsx');

/**
 * The two commands as an operator runs them, against a database on disk (PGlite) or the PostgreSQL test
 * database: the command opens it itself, so this test lets go of it around each run.
 */
describe('audit:verify and audit:purge', () => {
  let dataDir: string;
  let pgServer: TestServer | undefined;
  let env: Env;

  const withDb = async (fn: (db: Db) => Promise<void>) => {
    if (pgServer) return fn(pgServer.ctx.db);
    const { ctx, close } = await createContext(env);
    try {
      await fn(ctx.db);
    } finally {
      await close();
    }
  };
  const cli = async (file: string, args: string[] = []) => {
    const childEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: env.DATABASE_URL ?? '' };
    if (!env.DATABASE_URL) delete (childEnv as Record<string, string | undefined>).DATABASE_URL;
    try {
      const r = await run(TSX, [path.join(ROOT_DIR, 'apps/server/src/cli', file), ...args], { env: childEnv });
      return { code: 0, out: r.stdout + r.stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-audit-cli-'));
    if (process.env.TEST_DATABASE_URL) {
      pgServer = await getTestServer();
      env = pgServer.ctx.env;
    } else {
      env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: dataDir });
    }
    await withDb(async (db) => {
      await db.execute(sql`insert into audit_events (action, subject_type, created_at) values ('test.old', 'test', now() - interval '400 days'), ('test.old', 'test', now() - interval '300 days')`);
      for (let i = 0; i < 3; i++) await recordAudit(db, { actorId: null, action: 'test.cli', subjectType: 'test', subjectId: String(i) });
      await sealAuditBatch(db, { minAgeMs: 0 });
    });
  });
  afterAll(async () => {
    await pgServer?.close();
    process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  });

  it('verify answers 0 on an intact chain', async () => {
    const r = await cli('verifyAudit.ts');
    expect(r.out).toContain('5 sealed rows checked');
    expect(r.out).toContain('OK');
    expect(r.code).toBe(0);
  });

  it('purge refuses fewer than 180 days and deletes the rows older than the period asked', async () => {
    const refused = await cli('purgeAudit.ts', ['--older-than-days', '90']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('180');
    const done = await cli('purgeAudit.ts', ['--older-than-days', '365']);
    expect(done.out).toContain('purged 1 audit rows');
    expect(done.code).toBe(0);
    await withDb(async (db) => {
      await sealAuditBatch(db, { minAgeMs: 0 });
    });
    const after = await cli('verifyAudit.ts');
    expect(after.out).toMatch(/start: trusted/);
    expect(after.code).toBe(0);
  });

  it('verify answers 1 and names the row when one was changed', async () => {
    let tampered = '';
    await withDb(async (db) => {
      await db.execute(sql`alter table audit_events disable trigger user`);
      const res = await db.execute(sql`update audit_events set action = 'test.forged' where subject_id = '1' returning id::text as id`);
      tampered = rowsOf<{ id: string }>(res)[0]!.id;
      await db.execute(sql`alter table audit_events enable trigger user`);
    });
    const r = await cli('verifyAudit.ts');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAILED at row ${tampered}`);
  });
});
