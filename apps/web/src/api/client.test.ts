import { describe, expect, it } from 'vitest';
import { query, toApiError } from './client';

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
