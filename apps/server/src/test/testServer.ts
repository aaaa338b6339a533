import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { loadEnv, type Env } from '../env.js';
import { createContext } from '../createContext.js';
import { buildApp, type App } from '../app.js';
import type { InjectOptions, LightMyRequestCallback } from 'fastify';
import type { AppContext } from '../context.js';
import { CSRF_COOKIE, CSRF_HEADER, newCsrfToken } from '../plugins/csrf.js';

/**
 * A real app on a real, empty database for one test file: in-memory PGlite by default, or a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways).
 */
export interface TestServer {
  /** Its `inject` sends this test browser's CSRF cookie and header unless the request sets the header itself. */
  app: App;
  /** The app's own inject, without the CSRF token (tests of the refusal). */
  injectWithoutCsrf: App['inject'];
  /** The CSRF token `app.inject` sends; `csrfHeaders(cookie)` adds it to a fetch against a listening app. */
  csrfToken: string;
  csrfHeaders(cookie?: string): Record<string, string>;
  ctx: AppContext;
  /** Moves the server clock (deadline tests); another instance follows the same clock. */
  setNow(d: Date | null): void;
  /**
   * Another app instance on the same database, as behind a load balancer: its own context and
   * connection pool on PostgreSQL; on in-memory PGlite, which only one handle can open, the same
   * database handle under a context and app of its own. Closed with this server.
   */
  anotherInstance(): Promise<{ app: App; ctx: AppContext }>;
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
  const app = await buildApp(ctx, { logger: false, rateLimitNameSpace: `fw-test-${crypto.randomBytes(6).toString('hex')}-` });
  await app.ready();
  const { injectWithoutCsrf, csrfToken } = injectCsrf(app);
  const others: { app: App; close?: () => Promise<void> }[] = [];
  const now = () => fixedNow ?? new Date();
  return {
    app,
    injectWithoutCsrf,
    csrfToken,
    csrfHeaders: (cookie) => ({ cookie: cookie ? `${cookie}; ${CSRF_COOKIE}=${csrfToken}` : `${CSRF_COOKIE}=${csrfToken}`, [CSRF_HEADER]: csrfToken }),
    ctx,
    setNow: (d) => (fixedNow = d),
    anotherInstance: async () => {
      const second = databaseUrl ? await createContext(env, { now }) : { ctx: { ...ctx }, close: undefined };
      const otherApp = await buildApp(second.ctx, { logger: false, rateLimitNameSpace: `fw-test-${crypto.randomBytes(6).toString('hex')}-` });
      await otherApp.ready();
      injectCsrf(otherApp);
      others.push({ app: otherApp, close: second.close });
      return { app: otherApp, ctx: second.ctx };
    },
    close: async () => {
      for (const o of others) {
        await o.app.close();
        await o.close?.();
      }
      await app.close();
      await close();
      await dropDb?.();
      // Removed when the test process ends: the tus file store creates its folder asynchronously, and
      // removing the data dir under a late mkdir makes an uncaught ENOENT in a short test file.
      process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
    },
  };
}

type InjectArg = InjectOptions | string;

/**
 * Makes `app.inject` behave like the web app: one browser whose requests carry the `fw_csrf` cookie
 * and the matching X-CSRF-Token header. A request that sets the header itself is left alone.
 * getTestServer does this; a test building its own app with buildApp calls it once.
 */
export function injectCsrf(app: App): { injectWithoutCsrf: App['inject']; csrfToken: string } {
  const csrfToken = newCsrfToken();
  const injectWithoutCsrf = app.inject.bind(app) as App['inject'];
  const withToken = (arg: InjectArg): InjectOptions => {
    const opts = typeof arg === 'string' ? { url: arg } : arg;
    const headers = opts.headers ?? {};
    if (Object.keys(headers).some((k) => k.toLowerCase() === CSRF_HEADER)) return opts;
    return { ...opts, headers: { ...headers, [CSRF_HEADER]: csrfToken }, cookies: { [CSRF_COOKIE]: csrfToken, ...opts.cookies } };
  };
  const wrapped = ((arg?: InjectArg, callback?: LightMyRequestCallback) => {
    if (arg === undefined) return injectWithoutCsrf();
    return callback ? injectWithoutCsrf(withToken(arg), callback) : injectWithoutCsrf(withToken(arg));
  }) as App['inject'];
  (app as { inject: App['inject'] }).inject = wrapped;
  return { injectWithoutCsrf, csrfToken };
}
