import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { makeAuthority, makeRound, makeSubmittedApplication, randomMobile } from '../test/factories.js';
import { files, smsOutbox } from '../db/schema/index.js';

const PASSWORD = 'Qiye@2026x';

/** Registers through the API (SMS code from the local outbox) and returns the answer with its cookies. */
async function register(t: TestServer, ip: string) {
  const mobile = randomMobile();
  await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { mobile, purpose: 'register' }, headers: { 'x-forwarded-for': ip } });
  const [row] = await t.ctx.db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(1);
  const code = /验证码为(\d{6})/.exec(row!.text)![1]!;
  return t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { mobile, code, password: PASSWORD }, headers: { 'x-forwarded-for': ip } });
}

const cspOf = (h: unknown) =>
  Object.fromEntries(
    String(h)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([k, ...v]) => [k!, v]),
  );

describe('security headers and the session cookie over http', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  it('keeps fw_sid httpOnly and SameSite=Lax, not Secure on a plain-http site', async () => {
    const res = await register(t, '10.9.0.1');
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'fw_sid')!;
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(sid.secure).toBeUndefined();
  });

  it('sends a strict CSP, nosniff, a referrer policy and no framing; no HSTS without https', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = cspOf(res.headers['content-security-policy']);
    expect(csp).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'frame-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
    });
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends the headers on refusals and unknown routes as well', async () => {
    for (const res of [await t.app.inject({ method: 'GET', url: '/api/nope' }), await t.injectWithoutCsrf({ method: 'POST', url: '/api/auth/logout', payload: {} })]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it("lets only this site frame a PDF it serves inline for preview; downloads stay unframable", async () => {
    const round = await makeRound(t.ctx);
    const made = await makeSubmittedApplication(t.ctx, { roundId: round.id, regionCode: '440305' });
    const city = await makeAuthority(t.ctx, '440300');
    const pdf = (await t.ctx.db.select().from(files).where(eq(files.applicationId, made.application.id))).find((f) => f.kind === 'pdf')!;
    const url = `/api/authority/applications/${made.application.id}/files/${pdf.id}`;
    const preview = await t.app.inject({ method: 'GET', url: `${url}?inline=1`, headers: { cookie: city.cookie } });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
    expect(cspOf(preview.headers['content-security-policy'])).toMatchObject({ 'default-src': ["'none'"], 'frame-ancestors': ["'self'"] });
    expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    const download = await t.app.inject({ method: 'GET', url, headers: { cookie: city.cookie } });
    expect(cspOf(download.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
    expect(download.headers['x-frame-options']).toBe('DENY');
  });

  it('scopes a CSP of its own to the API docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    const csp = cspOf(res.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:']);
  });
});

describe('security headers and the session cookie over https', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer({ PUBLIC_URL: 'https://sbzz.example.gov.cn' })));
  afterAll(() => t.close());

  it('marks fw_sid Secure (and still httpOnly, SameSite=Lax)', async () => {
    const res = await register(t, '10.9.0.2');
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'fw_sid')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  });

  it('sends HSTS and asks the browser to upgrade insecure requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
