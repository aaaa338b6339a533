import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadEnv } from '../../env.js';
import { createContext } from '../../createContext.js';
import { buildApp, type App } from '../../app.js';
import type { AppContext } from '../../context.js';
import { auditEvents, recoveryCodes, users } from '../../db/schema/index.js';
import { makeApplicant, makeAuthority } from '../../test/factories.js';
import { hashPassword } from '../../services/passwords.js';
import { currentTotp } from '../../services/totp.js';
import { DEMO_TOTP_SECRETS } from '../../db/seed/authorities.js';
import { DEMO_EXPERT_TOTP_SECRETS } from '../../db/seed/expertSecrets.js';
import { requireTotpEnrolled } from '../../plugins/requireTotp.js';
import { CSRF_COOKIE, CSRF_HEADER, newCsrfToken } from '../../plugins/csrf.js';

const PASSWORD = 'Qiye@2026x';

/** The app with the second-factor gate hooked for the whole API, as app.ts is meant to do. */
async function gatedApp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-test-'));
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: dataDir });
  let fixedNow: Date | null = null;
  const { ctx, close } = await createContext(env, { memory: true, now: () => fixedNow ?? new Date() });
  const app = await buildApp(ctx, { logger: false });
  app.addHook('preHandler', requireTotpEnrolled());
  await app.ready();
  return { app, ctx, setNow: (d: Date | null) => (fixedNow = d), close: async () => (await app.close(), await close(), void process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }))) };
}

describe('TOTP second factor', () => {
  let app: App;
  let ctx: AppContext;
  let setNow: (d: Date | null) => void;
  let close: () => Promise<void>;
  let hash: string;
  beforeAll(async () => {
    ({ app, ctx, setNow, close } = await gatedApp());
    hash = await hashPassword(PASSWORD);
  });
  afterAll(() => close());

  let ipSeq = 1;
  const ip = () => `10.40.${Math.floor(ipSeq / 250)}.${ipSeq++ % 250}`;
  const csrf = newCsrfToken();
  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': ip(), [CSRF_HEADER]: csrf, cookie: `${cookie ? `${cookie}; ` : ''}${CSRF_COOKIE}=${csrf}` } });
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const sid = (res: { cookies: { name: string; value: string }[] }) => `fw_sid=${res.cookies.find((c) => c.name === 'fw_sid')!.value}`;
  /** A step away from now, so each code used in a test is a fresh one. */
  const stepAt = (n: number) => new Date(Math.floor(Date.now() / 30_000) * 30_000 + n * 30_000 + 5_000);

  /** An authority with a password, logged in without a second factor (as before this feature). */
  async function authority() {
    const a = await makeAuthority(ctx, '440300', { passwordHash: hash, totp: false });
    return a;
  }

  /** Enrols the account of the cookie; returns the secret and the recovery codes. */
  async function enrol(cookie: string) {
    const started = await post('/api/auth/totp/enrol', {}, cookie);
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = started.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const confirmed = await post('/api/auth/totp/confirm', { code: currentTotp(secret, ctx.now()) }, cookie);
    expect(confirmed.statusCode).toBe(200);
    return { secret: secret as string, codes: confirmed.json().recoveryCodes as string[] };
  }

  it('keeps an unenrolled authority to the auth routes (403 TOTP_REQUIRED); applicants pass', async () => {
    const a = await authority();
    const blocked = await get('/api/accounts', a.cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TOTP_REQUIRED');
    const me = await get('/api/auth/me', a.cookie);
    expect(me.json()).toMatchObject({ totpRequired: true, totpEnabled: false });
    expect((await get('/api/auth/totp', a.cookie)).json()).toMatchObject({ enabled: false, required: true });
    expect((await get('/api/rounds', (await makeApplicant(ctx)).cookie)).statusCode).toBe(200);

    await enrol(a.cookie);
    expect((await get('/api/accounts', a.cookie)).statusCode).toBe(200);
    expect((await get('/api/auth/totp', a.cookie)).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  it('stores the secret encrypted and the recovery codes hashed', async () => {
    const a = await authority();
    const { secret, codes } = await enrol(a.cookie);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, a.user.id));
    expect(row!.totpSecretEnc).not.toContain(secret);
    expect(ctx.personalData.reveal(row!.totpSecretEnc!)).toBe(secret);
    const stored = await ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, a.user.id));
    expect(stored).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const s of stored) expect(codes.map((c) => c.replace('-', ''))).not.toContain(s.codeHash);
    const audit = await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.totp_enable'), eq(auditEvents.subjectId, a.user.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses a wrong first code and a second enrolment', async () => {
    const a = await authority();
    const { secret } = (await post('/api/auth/totp/enrol', {}, a.cookie)).json();
    const good = currentTotp(secret, ctx.now());
    const wrong = await post('/api/auth/totp/confirm', { code: good === '000000' ? '111111' : '000000' }, a.cookie);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.code).toBe('动态口令不正确');
    expect((await post('/api/auth/totp/confirm', { code: good }, a.cookie)).statusCode).toBe(200);
    expect((await post('/api/auth/totp/enrol', {}, a.cookie)).statusCode).toBe(409);
  });

  it('logs in in two steps: the password gives a ticket and no session; the code gives the session', async () => {
    const a = await authority();
    const { secret } = await enrol(a.cookie);
    try {
      setNow(stepAt(2));
      const first = await post('/api/auth/login', { login: a.user.username!, password: PASSWORD });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ needsTotp: true, ticket: expect.any(String) });
      expect(first.cookies.find((c) => c.name === 'fw_sid')).toBeUndefined();
      const { ticket } = first.json();

      const wrong = await post('/api/auth/login/totp', { ticket, code: currentTotp(secret, stepAt(6)) });
      expect(wrong.statusCode).toBe(401);
      // One step either side is accepted (clock drift).
      const second = await post('/api/auth/login/totp', { ticket, code: currentTotp(secret, stepAt(1)) });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ role: 'authority', totpEnabled: true });
      expect((await get('/api/accounts', sid(second))).statusCode).toBe(200);
      // The ticket is single use.
      expect((await post('/api/auth/login/totp', { ticket, code: currentTotp(secret, stepAt(2)) })).statusCode).toBe(401);
    } finally {
      setNow(null);
    }
  });

  it('refuses a code replayed within its window, a forged ticket and an expired one', async () => {
    const a = await authority();
    const { secret } = await enrol(a.cookie);
    const login = async () => (await post('/api/auth/login', { login: a.user.username!, password: PASSWORD })).json().ticket as string;
    try {
      setNow(stepAt(10));
      const code = currentTotp(secret, stepAt(10));
      expect((await post('/api/auth/login/totp', { ticket: await login(), code })).statusCode).toBe(200);
      const replay = await post('/api/auth/login/totp', { ticket: await login(), code });
      expect(replay.statusCode).toBe(401);
      expect(replay.json().message).toMatch(/动态口令错误或已使用/);

      const ticket = await login();
      const [payload] = ticket.split('.');
      const forged = `${Buffer.from(JSON.stringify({ u: a.user.id, n: 'x', e: 9999999999 })).toString('base64url')}.${ticket.split('.')[1]}`;
      expect((await post('/api/auth/login/totp', { ticket: forged, code: currentTotp(secret, stepAt(11)) })).statusCode).toBe(401);
      expect(payload).toBeTruthy();
      setNow(new Date(stepAt(10).getTime() + 301_000));
      const late = await post('/api/auth/login/totp', { ticket, code: currentTotp(secret, ctx.now()) });
      expect(late.statusCode).toBe(401);
      expect(late.json().message).toBe('登录已超时，请重新输入账号和密码');
    } finally {
      setNow(null);
    }
  });

  it('accepts each recovery code once', async () => {
    const a = await authority();
    const { codes } = await enrol(a.cookie);
    const login = async () => (await post('/api/auth/login', { login: a.user.username!, password: PASSWORD })).json().ticket as string;
    const used = await post('/api/auth/login/totp', { ticket: await login(), recoveryCode: codes[0]!.toUpperCase() });
    expect(used.statusCode).toBe(200);
    expect((await post('/api/auth/login/totp', { ticket: await login(), recoveryCode: codes[0]! })).statusCode).toBe(401);
    expect((await get('/api/auth/totp', sid(used))).json().recoveryCodesLeft).toBe(9);
    expect((await post('/api/auth/login/totp', { ticket: await login(), code: '123456', recoveryCode: codes[1]! })).statusCode).toBe(400);
  });

  it('counts wrong codes towards the lockout, so the password cannot buy more guesses', async () => {
    const a = await authority();
    const { secret } = await enrol(a.cookie);
    const login = async () => post('/api/auth/login', { login: a.user.username!, password: PASSWORD });
    const wrong = currentTotp(secret, stepAt(20));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = (await login()).json().ticket as string;
      statuses.push((await post('/api/auth/login/totp', { ticket: t, code: wrong })).statusCode);
    }
    // 3 password steps + 3 wrong codes: the sixth attempt of the account is refused.
    expect(statuses).toEqual([401, 401, 429]);
    expect((await login()).statusCode).toBe(429);
  });

  it('lets applicants enrol and turn the factor off again; authorities cannot', async () => {
    const ap = await makeApplicant(ctx, { passwordHash: hash });
    const { secret } = await enrol(ap.cookie);
    const first = await post('/api/auth/login', { login: ap.mobile, password: PASSWORD });
    expect(first.json().needsTotp).toBe(true);
    try {
      setNow(stepAt(30));
      expect((await post('/api/auth/totp/disable', { code: currentTotp(secret, stepAt(30)) }, ap.cookie)).statusCode).toBe(200);
    } finally {
      setNow(null);
    }
    expect((await post('/api/auth/login', { login: ap.mobile, password: PASSWORD })).json().role).toBe('applicant');

    const a = await authority();
    const { secret: s2 } = await enrol(a.cookie);
    try {
      setNow(stepAt(31));
      expect((await post('/api/auth/totp/disable', { code: currentTotp(s2, stepAt(31)) }, a.cookie)).statusCode).toBe(403);
    } finally {
      setNow(null);
    }
  });

  it('shows the demo accounts\' current codes on the dev route, and nothing else', async () => {
    const rows = (await get('/api/dev/totp', '')).json() as { username: string; code: string }[];
    expect(rows.map((r) => r.username)).toEqual([...Object.keys(DEMO_TOTP_SECRETS), ...Object.keys(DEMO_EXPERT_TOTP_SECRETS)]);
    const miit = rows.find((r) => r.username === 'miit')!;
    expect([currentTotp(DEMO_TOTP_SECRETS.miit!, new Date()), currentTotp(DEMO_TOTP_SECRETS.miit!, new Date(Date.now() - 30_000))]).toContain(miit.code);
  });
});
