import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

/** Personal or secret members, wherever they sit in a logged object (bodies, errors, contexts). */
const SECRET_KEYS = ['mobile', 'contactMobile', 'password', 'newPassword', 'oldPassword', 'code', 'email', 'contactEmail', 'idNumber', 'login', 'token', 'totp', 'recoveryCode'];

/** pino redaction paths: headers carrying credentials, and the secret keys up to three levels deep. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const EMAIL = /[\w.+-]+@([\w-]+\.)+[\w-]+/g;
// An SMS text quoted in a message (the local outbox logs what it "sends").
const SMS_CODE = /(验证码\D{0,4})\d{4,8}/g;

/** Masks mobile numbers, e-mail addresses and SMS codes in free text (URLs, messages, errors). */
export function scrubText(text: string): string {
  return text.replace(MOBILE, '$1****$2').replace(EMAIL, '***@***').replace(SMS_CODE, '$1******');
}

interface LoggedRequest {
  method: string;
  url?: string;
  host?: string;
  ip: string;
  socket?: { remotePort?: number };
}

/**
 * Fastify's logger options. Bodies are never logged by Fastify; the request line is, so its URL is
 * scrubbed (a search by mobile number would otherwise land in the log), and messages of logged
 * errors too (a driver error can quote the parameters of a failed query).
 */
export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: scrubText(String(req.url ?? '')), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
      err: (err: Error & { code?: unknown; statusCode?: unknown }) => ({
        type: err.name,
        message: scrubText(err.message ?? ''),
        code: err.code,
        statusCode: err.statusCode,
        stack: scrubText(err.stack ?? ''),
        cause: err.cause instanceof Error ? scrubText(err.cause.message) : undefined,
      }),
    },
    hooks: {
      // Free-text log messages (the string arguments) are scrubbed as well.
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
      },
    },
    ...(stream ? { stream } : {}),
  };
}
