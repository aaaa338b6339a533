/**
 * The error every failed request turns into: the server's {code, message, fields} plus the HTTP
 * status and the whole body (409 carries currentVersion, 422 carries missing).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> | undefined,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
  /** No answer from the server at all (offline, DNS, aborted). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Plain fetch against the same-origin API; throws ApiError for network failures and non-2xx answers. */
export async function requestJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络', undefined, {});
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) {
    const b = isRecord(parsed) ? parsed : {};
    const code = typeof b.code === 'string' ? b.code : `HTTP_${res.status}`;
    const message = typeof b.message === 'string' ? b.message : res.status >= 500 ? '服务器暂时不可用，请稍后再试' : '请求失败';
    const fields = isRecord(b.fields) ? (b.fields as Record<string, string>) : undefined;
    throw new ApiError(res.status, code, message, fields, b);
  }
  return parsed as T;
}
