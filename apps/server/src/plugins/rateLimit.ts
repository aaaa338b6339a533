import fp from 'fastify-plugin';
import type { FastifyRequest, RouteOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';

/** The classes of routes, each with its own budget per window. */
export type RateClass = 'login' | 'smsCode' | 'lookup' | 'publicWrite' | 'save' | 'upload' | 'other';

export interface RateRule {
  max: number;
  timeWindow: string;
  /** Count per client address even when logged in (guessing attacks come from anonymous clients). */
  perAddress?: boolean;
}

/** Every limit of the API, in one place. Counters are kept per route and per user (or address). */
export const RATE_LIMITS: Record<RateClass, RateRule> = {
  // Password guessing: also limited per account by the login lockout.
  login: { max: 10, timeWindow: '1 minute', perAddress: true },
  // Each code costs money and reaches a phone; the command also keeps a per-number cooldown.
  smsCode: { max: 5, timeWindow: '1 minute', perAddress: true },
  // Public look-ups (verification page, business registry): no enumeration of numbers.
  lookup: { max: 60, timeWindow: '1 minute', perAddress: true },
  // Anonymous writes (objections to a public notice): a person writes a few, a spammer many.
  publicWrite: { max: 5, timeWindow: '10 minutes', perAddress: true },
  // Autosave of the form sends a field group every few seconds per open tab.
  save: { max: 600, timeWindow: '1 minute' },
  // tus sends a PATCH per 5 MB chunk, plus HEADs when resuming.
  upload: { max: 600, timeWindow: '1 minute' },
  other: { max: 600, timeWindow: '1 minute' },
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Which class a route belongs to; null for what is not limited (the web app's files, the API docs). */
export function classifyRoute(method: string, url: string): RateClass | null {
  if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return null;
  if (url.startsWith('/api/uploads')) return 'upload';
  if (url.includes('sms-code')) return 'smsCode';
  if (method === 'POST' && url.startsWith('/api/auth/') && url !== '/api/auth/logout') return 'login';
  if (url.startsWith('/api/public/')) return SAFE.has(method) ? 'lookup' : 'publicWrite';
  if (url.startsWith('/api/verify/') || url.startsWith('/api/registry/') || url === '/api/organisation/certify') return 'lookup';
  if (!SAFE.has(method) && method !== 'POST' && method !== 'DELETE') return 'save';
  return 'other';
}

const methodsOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method : [r.method]);

/** Logged-in users are counted per account (an office behind one NAT is many people), others per address. */
const keyOf = (rule: RateRule) => (req: FastifyRequest) => (!rule.perAddress && req.actor ? `u:${req.actor.id}` : `ip:${req.ip}`);

export interface RateLimitOptions {
  /** redis://… to share counters between app instances; in-memory per instance without it. */
  redisUrl?: string;
  /** Redis key prefix (tests use their own so parallel runs do not share counters). */
  nameSpace?: string;
}

/**
 * Limits every API route by its class (RATE_LIMITS). Limits a route declares itself are replaced, so
 * this table stays the only place to read them. Register before the routes and after the session
 * plugin (the key uses `request.actor`).
 */
export const rateLimitPlugin = fp<RateLimitOptions>(async (app, opts) => {
  const redis = opts.redisUrl
    ? new Redis(opts.redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
    : null;
  if (redis) {
    // ioredis reconnects by itself; an error event without a listener would crash the process.
    redis.on('error', (err: Error) => app.log.warn({ err: { message: err.message } }, 'redis (rate limits) unavailable'));
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
    // Commands are not queued while disconnected (a request must not wait for Redis), so wait for
    // the first connection here; an unreachable Redis only delays the start by the timeout.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  app.addHook('onRoute', (route) => {
    const classes = new Set(methodsOf(route).map((m) => classifyRoute(m, route.url)));
    // A route with several methods (tus HEAD/PATCH/DELETE) takes the first non-null class.
    const cls = [...classes].find((c): c is RateClass => c !== null) ?? null;
    const config = (route.config ??= {}) as { rateLimit?: unknown };
    if (!cls) {
      config.rateLimit = false;
      return;
    }
    const rule = RATE_LIMITS[cls];
    config.rateLimit = { max: rule.max, timeWindow: rule.timeWindow, keyGenerator: keyOf(rule) };
  });

  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: opts.nameSpace ?? 'fw-rate-' } : {}),
    // When Redis is down, serve rather than refuse everyone.
    skipOnError: true,
    errorResponseBuilder: (_req, c) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `操作过于频繁，请${Math.ceil(c.ttl / 1000)}秒后再试` }),
  });
});
