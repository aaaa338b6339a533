import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadEnv } from '../../env.js';
import { createContext } from '../../createContext.js';
import { buildApp, type App } from '../../app.js';
import type { AppContext } from '../../context.js';
import { auditEvents, users } from '../../db/schema/index.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { injectCsrf } from '../../test/testServer.js';
import { requireFirstLoginDone } from './index.js';

/**
 * The app with the first-login gate hooked for the whole API, as app.ts is meant to do
 * (`api.addHook('preHandler', requireFirstLoginDone(ctx))`); hooking it twice is harmless.
 */
async function gatedApp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-test-'));
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: dataDir });
  const { ctx, close } = await createContext(env, { memory: true });
  const app = await buildApp(ctx, { logger: false });
  app.addHook('preHandler', requireFirstLoginDone(ctx));
  await app.ready();
  injectCsrf(app);
  return { app, ctx, close: async () => (await app.close(), await close(), void process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }))) };
}

describe('first login of an issued account', () => {
  let app: App;
  let ctx: AppContext;
  let close: () => Promise<void>;
  let ipSeq = 1;
  beforeAll(async () => ({ app, ctx, close } = await gatedApp()));
  afterAll(() => close());

  const post = (url: string, cookie: string, payload: object = {}) => app.inject({ method: 'POST', url, payload, headers: { cookie, 'x-forwarded-for': `10.8.0.${ipSeq++}` } });
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  /** A province issues a city account; its holder logs in with the one-time password. */
  async function issuedCity(username: string) {
    const gd = await makeAuthority(ctx, '440000');
    const issued = (await post('/api/accounts', gd.cookie, { regionCode: '440300', username, displayName: '深圳市工业和信息化局' })).json();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: username, password: issued.initialPassword }, headers: { 'x-forwarded-for': `10.8.1.${ipSeq++}` } });
    return { gd, initialPassword: issued.initialPassword as string, cookie: `fw_sid=${res.cookies.find((c) => c.name === 'fw_sid')!.value}` };
  }

  it('answers 403 FIRST_LOGIN_REQUIRED everywhere but /auth/me and logout until the step is done', async () => {
    const { cookie } = await issuedCity('sz_gate');
    const blocked = await get('/api/accounts', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('FIRST_LOGIN_REQUIRED');
    expect((await get('/api/rounds', cookie)).json().code).toBe('FIRST_LOGIN_REQUIRED');
    const me = await get('/api/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    // Applicants and finished accounts pass.
    expect((await get('/api/rounds', (await makeApplicant(ctx)).cookie)).statusCode).toBe(200);
    expect((await get('/api/accounts', (await makeAuthority(ctx, '440000')).cookie)).statusCode).toBe(200);
    expect((await post('/api/auth/logout', cookie)).statusCode).toBe(200);
  });

  it('binds the contact, replaces the password, clears the flag and leads on to the second factor', async () => {
    const { gd, initialPassword, cookie } = await issuedCity('sz_first');
    const weak = await post('/api/auth/first-login', cookie, { contactName: '黄科长', contactMobile: '13712340001', newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.newPassword).toBeTruthy();
    const same = await post('/api/auth/first-login', cookie, { contactName: '黄科长', contactMobile: '13712340001', newPassword: initialPassword });
    expect(same.json().fields.newPassword).toBe('新密码不能与初始密码相同');
    const badMobile = await post('/api/auth/first-login', cookie, { contactName: '黄科长', contactMobile: '12345', newPassword: 'Shenzhen@2026' });
    expect(badMobile.json().fields.contactMobile).toBeTruthy();

    const done = await post('/api/auth/first-login', cookie, { contactName: '黄科长', contactMobile: '13712340001', contactPhone: '0755-88101000', newPassword: 'Shenzhen@2026' });
    expect(done.statusCode).toBe(200);
    expect(done.json().mustChangePassword).toBe(false);
    // Next the account binds its second factor; until then the rest of the API stays closed.
    const next = await get('/api/rounds', cookie);
    expect(next.statusCode).toBe(403);
    expect(next.json().code).toBe('TOTP_REQUIRED');
    expect((await post('/api/auth/first-login', cookie, { contactName: '黄科长', contactMobile: '13712340001', newPassword: 'Shenzhen@2027' })).statusCode).toBe(409);

    const [row] = await ctx.db.select().from(users).where(eq(users.username, 'sz_first'));
    expect(JSON.stringify(row!.contact)).not.toContain('13712340001');
    expect(row!.contact).toMatchObject({ name: '黄科长', phone: '0755-88101000' });
    const listed = ((await get('/api/accounts', gd.cookie)).json() as { username: string; contactMobileMasked: string; mustChangePassword: boolean }[]).find((a) => a.username === 'sz_first');
    expect(listed).toMatchObject({ contactMobileMasked: '137****0001', mustChangePassword: false });
    const audit = await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.first_login'), eq(auditEvents.subjectId, row!.id)));
    expect(audit).toHaveLength(1);

    const relogin = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'sz_first', password: 'Shenzhen@2026' }, headers: { 'x-forwarded-for': '10.8.2.1' } });
    expect(relogin.statusCode).toBe(200);
  });

  it('refuses the step for an account that has nothing to finish', async () => {
    const applicant = await makeApplicant(ctx);
    expect((await post('/api/auth/first-login', applicant.cookie, { contactName: '王五', contactMobile: '13712340002', newPassword: 'Qiye@2026x' })).statusCode).toBe(409);
  });
});
