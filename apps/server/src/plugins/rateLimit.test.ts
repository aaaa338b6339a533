import net from 'node:net';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { buildApp, type App } from '../app.js';
import { makeApplicant } from '../test/factories.js';
import { classifyRoute, RATE_LIMITS, type RateClass } from './rateLimit.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis server answers PING at REDIS_URL (within a second). */
async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) console.warn(`[rateLimit.test] Redis is not reachable at ${REDIS_URL}: the shared-limit test is skipped (start redis-server to run it).`);

describe('rate-limit classes', () => {
  it.each<[string, string, RateClass | null]>([
    ['POST', '/api/auth/login', 'login'],
    ['POST', '/api/auth/register', 'login'],
    ['POST', '/api/auth/reset-password', 'login'],
    ['POST', '/api/auth/first-login', 'login'],
    ['POST', '/api/auth/sms-code', 'smsCode'],
    ['POST', '/api/auth/logout', 'other'],
    ['GET', '/api/verify/:number', 'lookup'],
    ['GET', '/api/registry/lookup', 'lookup'],
    ['POST', '/api/organisation/certify', 'lookup'],
    ['PATCH', '/api/applications/:id/fields', 'save'],
    ['PUT', '/api/applications/:id/category', 'save'],
    ['PUT', '/api/authority/applications/:id/opinion', 'save'],
    ['POST', '/api/uploads', 'upload'],
    ['PATCH', '/api/uploads/:uploadId', 'upload'],
    ['HEAD', '/api/uploads/:uploadId', 'upload'],
    ['POST', '/api/applications/:id/submit', 'other'],
    ['GET', '/api/applications', 'other'],
    ['GET', '/api/docs/json', null],
    ['GET', '/assets/index.js', null],
  ])('%s %s → %s', (method, url, cls) => {
    expect(classifyRoute(method, url)).toBe(cls);
  });

  it('refuses the 11th registration attempt of a minute from one address with a Chinese message', async () => {
    const t = await getTestServer();
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i <= RATE_LIMITS.login.max; i++) {
        // Invalid input (400): the limit counts attempts before anything else looks at them.
        last = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: {}, headers: { 'x-forwarded-for': '10.8.0.1' } });
        codes.push(last.statusCode);
      }
      expect(codes.slice(0, RATE_LIMITS.login.max)).not.toContain(429);
      expect(codes.at(-1)).toBe(429);
      expect(last!.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^操作过于频繁，请\d+秒后再试$/) });
      // Another address still gets in.
      const other = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: {}, headers: { 'x-forwarded-for': '10.8.0.2' } });
      expect(other.statusCode).not.toBe(429);
    } finally {
      await t.close();
    }
  });

  it('counts a logged-in user per account, so colleagues behind one address do not share a budget', async () => {
    const t = await getTestServer();
    try {
      const a = await makeApplicant(t.ctx);
      const b = await makeApplicant(t.ctx);
      const remaining = async (cookie: string) =>
        Number((await t.app.inject({ method: 'GET', url: '/api/applications', headers: { cookie, 'x-forwarded-for': '10.4.0.1' } })).headers['x-ratelimit-remaining']);
      const { max } = RATE_LIMITS.other;
      expect(await remaining(a.cookie)).toBe(max - 1);
      expect(await remaining(a.cookie)).toBe(max - 2);
      expect(await remaining(b.cookie)).toBe(max - 1);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-For from a sender that is not a trusted proxy', async () => {
    const t = await getTestServer({ TRUST_PROXY: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i <= RATE_LIMITS.smsCode.max; i++) {
        // A client rotating the header would otherwise get a fresh budget each time.
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { mobile: '1380000123x', purpose: 'register' }, headers: { 'x-forwarded-for': `10.7.0.${i}` } });
        codes.push(res.statusCode);
      }
      expect(codes.at(-1)).toBe(429);
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(!redisUp)('rate limits shared through Redis', () => {
  let t: TestServer;
  const instances: App[] = [];
  beforeAll(async () => {
    t = await getTestServer({ REDIS_URL });
    // Two app instances on one database and one Redis, as behind a load balancer.
    const nameSpace = `fw-test-${crypto.randomBytes(6).toString('hex')}-`;
    for (let i = 0; i < 2; i++) {
      const app = await buildApp(t.ctx, { logger: false, rateLimitNameSpace: nameSpace });
      await app.ready();
      instances.push(app);
    }
  });
  afterAll(async () => {
    for (const app of instances) await app.close();
    await t?.close();
  });

  it('counts requests to either instance against one limit', async () => {
    const { max } = RATE_LIMITS.lookup;
    const codes: number[] = [];
    for (let i = 0; i <= max; i++) {
      const res = await instances[i % 2]!.inject({ method: 'GET', url: '/api/verify/FW-NOPE', headers: { 'x-forwarded-for': '10.6.0.1' } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, max)).not.toContain(429);
    // Each instance alone has seen only about half the limit: the 429 comes from the shared count.
    expect(codes.at(-1)).toBe(429);
    const elsewhere = await instances[0]!.inject({ method: 'GET', url: '/api/verify/FW-NOPE', headers: { 'x-forwarded-for': '10.6.0.2' } });
    expect(elsewhere.statusCode).not.toBe(429);
  });
});

describe('rate limits when the configured Redis is down', () => {
  it('keeps serving rather than refusing everyone', async () => {
    const t = await getTestServer({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
