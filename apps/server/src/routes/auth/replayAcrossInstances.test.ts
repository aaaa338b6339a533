import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeAuthority } from '../../test/factories.js';
import { usedAuthTokens, users } from '../../db/schema/index.js';
import { hashPassword } from '../../services/passwords.js';
import { currentTotp, newTotpSecret } from '../../services/totp.js';
import type { App } from '../../app.js';

const PASSWORD = 'Zhuguan@2026x';

/** Two app instances on one database, as behind a load balancer: a used code or ticket is used on both. */
describe('single-use login tokens across app instances', () => {
  let t: TestServer;
  let a: App;
  let b: App;
  let hash: string;
  beforeAll(async () => {
    t = await getTestServer();
    a = t.app;
    b = (await t.anotherInstance()).app;
    hash = await hashPassword(PASSWORD);
  });
  afterAll(() => t.close());

  let ipSeq = 1;
  // Each request from its own address: the login routes are rate limited per address.
  const post = (app: App, url: string, payload: object) => app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': `10.77.${Math.floor(ipSeq / 250)}.${ipSeq++ % 250}` } });
  /** Time steps away from now, so every test uses codes of its own. */
  const stepAt = (n: number) => new Date(Math.floor(Date.now() / 30_000) * 30_000 + n * 30_000 + 5_000);

  /** An authority with a password and a second factor whose secret the test knows. */
  async function authority() {
    const made = await makeAuthority(t.ctx, '440300', { passwordHash: hash, totp: false });
    const secret = newTotpSecret();
    await t.ctx.db.update(users).set({ totpSecretEnc: t.ctx.personalData.protect(secret), totpEnabledAt: t.ctx.now() }).where(eq(users.id, made.user.id));
    const ticketOn = async (app: App) => {
      const res = await post(app, '/api/auth/login', { login: made.user.username!, password: PASSWORD });
      expect(res.json()).toMatchObject({ needsTotp: true });
      return res.json().ticket as string;
    };
    return { user: made.user, secret, ticketOn };
  }

  it('refuses on instance B a code already used on instance A', async () => {
    const acc = await authority();
    try {
      t.setNow(stepAt(2));
      const code = currentTotp(acc.secret, t.ctx.now());
      expect((await post(a, '/api/auth/login/totp', { ticket: await acc.ticketOn(a), code })).statusCode).toBe(200);
      const replay = await post(b, '/api/auth/login/totp', { ticket: await acc.ticketOn(b), code });
      expect(replay.statusCode).toBe(401);
      expect(replay.json().message).toMatch(/动态口令错误或已使用/);
      // The next step's code is fine on either instance.
      expect((await post(b, '/api/auth/login/totp', { ticket: await acc.ticketOn(b), code: currentTotp(acc.secret, stepAt(3)) })).statusCode).toBe(200);
    } finally {
      t.setNow(null);
    }
  });

  it('refuses on instance B an older code once a newer one was used on instance A', async () => {
    const acc = await authority();
    try {
      t.setNow(stepAt(4));
      expect((await post(a, '/api/auth/login/totp', { ticket: await acc.ticketOn(a), code: currentTotp(acc.secret, stepAt(4)) })).statusCode).toBe(200);
      // One step back is still inside the accepted window, but older than the step used.
      expect((await post(b, '/api/auth/login/totp', { ticket: await acc.ticketOn(b), code: currentTotp(acc.secret, stepAt(3)) })).statusCode).toBe(401);
    } finally {
      t.setNow(null);
    }
  });

  it('refuses on instance B a ticket already used on instance A', async () => {
    const acc = await authority();
    try {
      t.setNow(stepAt(6));
      const ticket = await acc.ticketOn(a);
      expect((await post(a, '/api/auth/login/totp', { ticket, code: currentTotp(acc.secret, stepAt(6)) })).statusCode).toBe(200);
      t.setNow(stepAt(7));
      const again = await post(b, '/api/auth/login/totp', { ticket, code: currentTotp(acc.secret, stepAt(7)) });
      expect(again.statusCode).toBe(401);
      expect(again.json().message).toBe('登录已超时，请重新输入账号和密码');
    } finally {
      t.setNow(null);
    }
  });

  it('keeps the record in the database: a ticket or step recorded there by any process is refused', async () => {
    const acc = await authority();
    try {
      t.setNow(stepAt(10));
      const ticket = await acc.ticketOn(b);
      const nonce = (JSON.parse(Buffer.from(ticket.split('.')[0]!, 'base64url').toString('utf8')) as { n: string }).n;
      await t.ctx.db.insert(usedAuthTokens).values({ kind: 'ticket', key: nonce, expiresAt: stepAt(30) });
      expect((await post(b, '/api/auth/login/totp', { ticket, code: currentTotp(acc.secret, stepAt(10)) })).statusCode).toBe(401);

      await t.ctx.db.insert(usedAuthTokens).values({ kind: 'totp', key: acc.user.id, step: Math.floor(stepAt(11).getTime() / 30_000), expiresAt: stepAt(30) });
      t.setNow(stepAt(11));
      const code = currentTotp(acc.secret, stepAt(11));
      expect((await post(a, '/api/auth/login/totp', { ticket: await acc.ticketOn(a), code })).statusCode).toBe(401);
      t.setNow(stepAt(12));
      expect((await post(a, '/api/auth/login/totp', { ticket: await acc.ticketOn(a), code: currentTotp(acc.secret, stepAt(12)) })).statusCode).toBe(200);
      const [row] = await t.ctx.db.select().from(usedAuthTokens).where(and(eq(usedAuthTokens.kind, 'totp'), eq(usedAuthTokens.key, acc.user.id)));
      expect(row!.step).toBe(Math.floor(stepAt(12).getTime() / 30_000));
    } finally {
      t.setNow(null);
    }
  });

  it('clears rows of expired tickets when a ticket is used', async () => {
    const acc = await authority();
    await t.ctx.db.insert(usedAuthTokens).values({ kind: 'ticket', key: 'long-expired-nonce', expiresAt: new Date(Date.now() - 3_600_000) });
    try {
      t.setNow(stepAt(16));
      expect((await post(a, '/api/auth/login/totp', { ticket: await acc.ticketOn(a), code: currentTotp(acc.secret, stepAt(16)) })).statusCode).toBe(200);
    } finally {
      t.setNow(null);
    }
    const left = await t.ctx.db.select().from(usedAuthTokens).where(eq(usedAuthTokens.key, 'long-expired-nonce'));
    expect(left).toHaveLength(0);
  });
});
