import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { DEMO_AUTHORITIES, DEMO_TOTP_SECRETS, seedAuthorities } from './authorities.js';
import { currentTotp } from '../../services/totp.js';

describe('demo authority accounts', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  it('creates one ready account per demo authority, once, and each logs in with its demo code, without the first-login step', async () => {
    const lines = await seedAuthorities(t.ctx);
    expect(lines.join('\n')).toContain('ns_gxj');
    expect(lines.join('\n')).toContain(DEMO_TOTP_SECRETS.ns_gxj);
    await seedAuthorities(t.ctx);
    let ip = 1;
    const cookies: Record<string, string> = {};
    for (const a of DEMO_AUTHORITIES) {
      const first = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: a.username, password: 'Demo@2026' }, headers: { 'x-forwarded-for': `10.7.0.${ip++}` } });
      expect(first.json(), a.username).toMatchObject({ needsTotp: true });
      const code = currentTotp(DEMO_TOTP_SECRETS[a.username]!, new Date());
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { ticket: first.json().ticket, code }, headers: { 'x-forwarded-for': `10.7.0.${ip++}` } });
      expect(res.statusCode, a.username).toBe(200);
      expect(res.json().totpEnabled).toBe(true);
      expect(res.json()).toMatchObject({ role: 'authority', regionCode: a.regionCode, mustChangePassword: false, displayName: a.displayName });
      cookies[a.username] = `fw_sid=${res.cookies.find((c) => c.name === 'fw_sid')!.value}`;
    }
    const gd = (await t.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie: cookies.gd_gxt! } })).json() as { username: string; contactMobileMasked: string }[];
    expect(gd.map((a) => a.username)).toEqual(['gd_gxt', 'gz_gxj', 'sz_gxj']);
    expect(gd[0]!.contactMobileMasked).toMatch(/^137\*{4}\d{4}$/);
  });
});
