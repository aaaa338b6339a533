import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { makeApplication, makeApplicant, makeRound } from '../test/factories.js';
import { CSRF_COOKIE, CSRF_MESSAGE, newCsrfToken } from './csrf.js';

const refused = { code: 'CSRF', message: CSRF_MESSAGE };

describe('CSRF protection (double-submit cookie)', () => {
  let t: TestServer;
  beforeAll(async () => (t = await getTestServer()));
  afterAll(() => t.close());

  it('hands out a readable, SameSite=Strict token cookie and keeps it while the browser has one', async () => {
    const first = await t.injectWithoutCsrf({ method: 'GET', url: '/api/auth/csrf' });
    expect(first.statusCode).toBe(200);
    const cookie = first.cookies.find((c) => c.name === CSRF_COOKIE)!;
    expect(cookie.value).toBe(first.json().token);
    expect(cookie).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(cookie.httpOnly).toBeUndefined();
    expect(cookie.secure).toBeUndefined();

    const again = await t.injectWithoutCsrf({ method: 'GET', url: '/api/auth/csrf', cookies: { [CSRF_COOKIE]: cookie.value } });
    expect(again.json().token).toBe(cookie.value);
    expect(again.cookies.find((c) => c.name === CSRF_COOKIE)).toBeUndefined();
  });

  it('gives the token with any API read, so the first write of a page needs no extra request', async () => {
    const res = await t.injectWithoutCsrf({ method: 'GET', url: '/api/health' });
    expect(res.cookies.find((c) => c.name === CSRF_COOKIE)?.value).toMatch(/^[\w-]{43}$/);
  });

  it('refuses login, registration and SMS codes without the token (403 CSRF)', async () => {
    for (const [url, payload] of [
      ['/api/auth/login', { login: '13800001234', password: 'Qiye@2026x' }],
      ['/api/auth/register', { mobile: '13800001234', code: '123456', password: 'Qiye@2026x' }],
      ['/api/auth/sms-code', { mobile: '13800001234', purpose: 'register' }],
    ] as const) {
      const res = await t.injectWithoutCsrf({ method: 'POST', url, payload });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toEqual(refused);
    }
  });

  it("refuses a logged-in applicant's save, submit, file deletion, upload and logout without the token", async () => {
    const { application, cookie } = await makeApplication(t.ctx);
    const calls: { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object; headers?: Record<string, string> }[] = [
      { method: 'PATCH', url: `/api/applications/${application.id}/fields`, payload: { version: 1, patch: {} } },
      { method: 'PUT', url: `/api/applications/${application.id}/category`, payload: {} },
      { method: 'POST', url: `/api/applications/${application.id}/submit`, payload: {} },
      { method: 'DELETE', url: `/api/applications/${application.id}/files/00000000-0000-0000-0000-000000000000` },
      { method: 'POST', url: '/api/uploads', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } },
      { method: 'PATCH', url: '/api/uploads/abc', headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' } },
      { method: 'DELETE', url: '/api/uploads/abc', headers: { 'tus-resumable': '1.0.0' } },
      { method: 'POST', url: '/api/auth/logout', payload: {} },
    ];
    for (const c of calls) {
      const res = await t.injectWithoutCsrf({ ...c, headers: { ...c.headers, cookie } });
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(403);
      expect(res.json()).toEqual(refused);
    }
    // The session survived the refused logout.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a header without the cookie, a cookie without the header, and a token of another browser', async () => {
    const { cookie } = await makeApplicant(t.ctx);
    const mine = newCsrfToken();
    const theirs = newCsrfToken();
    const create = (headers: Record<string, string>) => t.injectWithoutCsrf({ method: 'POST', url: '/api/auth/logout', payload: {}, headers: { ...headers } });
    expect((await create({ cookie, 'x-csrf-token': mine })).statusCode).toBe(403);
    expect((await create({ cookie: `${cookie}; ${CSRF_COOKIE}=${mine}` })).statusCode).toBe(403);
    expect((await create({ cookie: `${cookie}; ${CSRF_COOKIE}=${mine}`, 'x-csrf-token': theirs })).statusCode).toBe(403);
    expect((await create({ cookie: `${cookie}; ${CSRF_COOKIE}=${mine}`, 'x-csrf-token': '' })).statusCode).toBe(403);
    expect((await create({ cookie: `${cookie}; ${CSRF_COOKIE}=${mine}`, 'x-csrf-token': mine })).statusCode).toBe(200);
  });

  it('lets a state change through with the matching token, and never checks reads', async () => {
    const round = await makeRound(t.ctx);
    const { cookie } = await makeApplicant(t.ctx);
    const token = newCsrfToken();
    const read = await t.injectWithoutCsrf({ method: 'GET', url: '/api/rounds', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    // Past the CSRF check, the route answers for itself (here: no organisation yet).
    const create = await t.injectWithoutCsrf({
      method: 'POST',
      url: '/api/applications',
      payload: { roundId: round.id },
      headers: { cookie: `${cookie}; ${CSRF_COOKIE}=${token}`, 'x-csrf-token': token },
    });
    expect(create.json().code).not.toBe('CSRF');
  });

  it('marks the token cookie Secure when the site is served over https', async () => {
    const s = await getTestServer({ PUBLIC_URL: 'https://sbzz.example.gov.cn' });
    try {
      const res = await s.injectWithoutCsrf({ method: 'GET', url: '/api/auth/csrf' });
      expect(res.cookies.find((c) => c.name === CSRF_COOKIE)).toMatchObject({ secure: true, sameSite: 'Strict' });
    } finally {
      await s.close();
    }
  });
});
