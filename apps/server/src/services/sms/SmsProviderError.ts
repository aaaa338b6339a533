/**
 * A message an SMS gateway refused or could not take. The message names the provider's code and
 * request id only: never keys, signatures or the recipient's number (personal data).
 */
export class SmsProviderError extends Error {
  constructor(
    /** aliyun | tencent */
    public readonly provider: string,
    /** The provider's own code (e.g. isv.BUSINESS_LIMIT_CONTROL), or HTTP_<status> / NETWORK_ERROR. */
    public readonly providerCode: string,
    /** The provider's request id, for a support ticket. */
    public readonly requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(`${provider} SMS SendSms failed: ${providerCode}${requestId ? ` (RequestId ${requestId})` : ''}`, options);
    this.name = 'SmsProviderError';
  }
}

/** POSTs/GETs to a gateway with a timeout; network failures become SmsProviderError. */
export async function callProvider(provider: string, url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new SmsProviderError(provider, 'NETWORK_ERROR', undefined, { cause: err });
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    // A proxy's HTML error page or an empty body: only the status is meaningful.
    throw new SmsProviderError(provider, `HTTP_${res.status}`);
  }
}

/** Reads a field of an untrusted JSON value (undefined unless it is an object holding it). */
export function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

export function stringField(obj: unknown, key: string): string | undefined {
  const v = field(obj, key);
  return typeof v === 'string' ? v : undefined;
}
