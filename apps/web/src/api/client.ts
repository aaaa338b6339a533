/** The one fetch wrapper of the web app: JSON in and out, same-origin cookies, typed errors. */
import { z } from 'zod';

// The server's CSP has no 'unsafe-eval': zod would otherwise probe `new Function` to compile its
// parsers, which the browser refuses and reports as a violation. Loaded with the first request module.
z.config({ jitless: true });

/** An error answered by the server ({code, message, fields}) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** Field key → Chinese message, shown at the form field. */
    public readonly fields: Record<string, string> = {},
    /** Any further members of the error body (e.g. the current version on a conflict). */
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  /** Do not show the central error message or redirect on 401; the caller handles the error. */
  quiet?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type ErrorListener = (err: ApiError) => void;
let errorListener: ErrorListener | null = null;

/** The central error handler registers itself here (see api/ErrorHandler.tsx). */
export function setApiErrorListener(listener: ErrorListener | null): void {
  errorListener = listener;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: '网络连接失败，请检查网络后重试',
  401: '请先登录',
  403: '无权进行此操作',
  404: '请求的内容不存在',
  413: '内容过大',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后再试',
  502: '服务暂时不可用，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
  504: '服务响应超时，请稍后再试',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads an error response into an ApiError (exported for tests). */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A proxy or crash page answered in HTML: fall back to a message by status.
  }
  const fallback = FALLBACK_MESSAGES[res.status] ?? (res.status >= 500 ? FALLBACK_MESSAGES[500] : '请求失败');
  if (!isRecord(body)) return new ApiError(res.status, 'HTTP_' + res.status, fallback);
  const { code, message, fields, ...extra } = body;
  const fieldMap: Record<string, string> = {};
  if (isRecord(fields)) for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') fieldMap[k] = v;
  return new ApiError(
    res.status,
    typeof code === 'string' ? code : 'HTTP_' + res.status,
    typeof message === 'string' && message ? message : fallback,
    fieldMap,
    extra,
  );
}

/** The server's CSRF cookie, repeated in this header on every state-changing request (double submit). */
export const CSRF_COOKIE = 'fw_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token of this browser, read from its cookie (null before the server has set one). */
export function readCsrfCookie(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE && rest.length) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let fetchingToken: Promise<string> | null = null;

/**
 * The token to send: the cookie's value, asked from the server once when the browser has none yet
 * (or again after a refusal). Concurrent callers share one request.
 */
export async function csrfToken(opts: { renew?: boolean } = {}): Promise<string> {
  const current = opts.renew ? null : readCsrfCookie();
  if (current) return current;
  fetchingToken ??= fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(async (res) => {
      const body = (await res.json()) as { token?: unknown };
      return readCsrfCookie() ?? (typeof body.token === 'string' ? body.token : '');
    })
    .finally(() => {
      fetchingToken = null;
    });
  return fetchingToken;
}

/** Sends a request; resolves with the parsed JSON body (undefined for 204) or throws ApiError. */
export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const guarded = !SAFE_METHODS.has(method.toUpperCase());
  const send = async (renewToken: boolean): Promise<Response> => {
    if (guarded) headers[CSRF_HEADER] = await csrfToken({ renew: renewToken });
    return fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  };
  let res: Response;
  try {
    res = await send(false);
    // The token was refused before anything happened (cookie cleared or replaced in another tab):
    // take a fresh one and send once more.
    if (guarded && res.status === 403 && (await isCsrfRefusal(res))) res = await send(true);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    const err = new ApiError(0, 'NETWORK', FALLBACK_MESSAGES[0]);
    if (!opts.quiet) errorListener?.(err);
    throw err;
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (!opts.quiet) errorListener?.(err);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function isCsrfRefusal(res: Response): Promise<boolean> {
  try {
    const body = (await res.clone().json()) as { code?: unknown };
    return body.code === 'CSRF';
  } catch {
    return false;
  }
}

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body ?? {}, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
