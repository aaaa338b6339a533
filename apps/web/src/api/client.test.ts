import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, query, readCsrfCookie, toApiError } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('toApiError', () => {
  it('keeps the server code, Chinese message and field messages', async () => {
    const err = await toApiError(json(400, { code: 'VALIDATION', message: '输入有误：请输入正确的11位手机号码', fields: { mobile: '请输入正确的11位手机号码' } }));
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('输入有误：请输入正确的11位手机号码');
    expect(err.fields).toEqual({ mobile: '请输入正确的11位手机号码' });
  });

  it('keeps further members of the body as extra (e.g. the current version on a conflict)', async () => {
    const err = await toApiError(json(409, { code: 'VERSION_CONFLICT', message: '已被修改', currentVersion: 7 }));
    expect(err.extra).toEqual({ currentVersion: 7 });
  });

  it('falls back to a Chinese message by status when a proxy answers in HTML', async () => {
    const err = await toApiError(new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(err.code).toBe('HTTP_502');
    expect(err.message).toBe('服务暂时不可用，请稍后再试');
    expect(err.fields).toEqual({});
  });

  it('ignores field messages that are not text', async () => {
    const err = await toApiError(json(400, { code: 'VALIDATION', message: '输入有误', fields: { a: 1, b: '必填' } }));
    expect(err.fields).toEqual({ b: '必填' });
  });
});

describe('query', () => {
  it('encodes values and leaves out empty ones', () => {
    expect(query({ q: '深圳 智造', parent: undefined, page: 2, empty: '' })).toBe('?q=%E6%B7%B1%E5%9C%B3+%E6%99%BA%E9%80%A0&page=2');
    expect(query({ parent: null })).toBe('');
  });
});

describe('CSRF token', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads fw_csrf among other cookies', () => {
    expect(readCsrfCookie('a=1; fw_csrf=abc-_9; b=2')).toBe('abc-_9');
    expect(readCsrfCookie('fw_sid=x')).toBeNull();
    expect(readCsrfCookie('')).toBeNull();
  });

  it('asks the server for a token once, sends it on writes only, and retries once after a CSRF refusal', async () => {
    const calls: { url: string; method: string; token: string | null }[] = [];
    let refuseNext = true;
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      calls.push({ url, method: init.method ?? 'GET', token: headers.get('X-CSRF-Token') });
      if (url === '/api/auth/csrf') return json(200, { token: 'T1' });
      if (init.method === 'POST' && refuseNext) {
        refuseNext = false;
        return json(403, { code: 'CSRF', message: '页面已过期，请刷新后重试' });
      }
      return json(200, { ok: true });
    });
    await api.get('/api/rounds');
    expect(await api.post('/api/applications', {})).toEqual({ ok: true });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.token}`)).toEqual([
      'GET /api/rounds null',
      'GET /api/auth/csrf null',
      'POST /api/applications T1',
      'GET /api/auth/csrf null',
      'POST /api/applications T1',
    ]);
  });

  it('uses the cookie without asking when the browser has one', async () => {
    const tokens: (string | null)[] = [];
    vi.stubGlobal('document', { cookie: 'fw_csrf=FROMCOOKIE' });
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => {
      tokens.push(new Headers(init.headers).get('X-CSRF-Token'));
      return new Response(null, { status: 204 });
    });
    await api.delete('/api/applications/1/files/2');
    await api.patch('/api/applications/1/fields', {});
    expect(tokens).toEqual(['FROMCOOKIE', 'FROMCOOKIE']);
  });
});
