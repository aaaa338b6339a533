import crypto from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const CSRF_COOKIE = 'fw_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_MESSAGE = '页面已过期，请刷新后重试';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newCsrfToken = () => crypto.randomBytes(32).toString('base64url');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Double-submit CSRF protection. The browser holds a random token in a cookie the page can read
 * (`fw_csrf`, SameSite=Strict) and repeats it in the X-CSRF-Token header of every state-changing
 * request; another site can make the browser send the cookie but cannot read it to set the header.
 * Every method except GET/HEAD/OPTIONS is checked, login and registration included (no login CSRF).
 */
export const csrfPlugin = fp<{ secure: boolean }>(async (app, { secure }) => {
  const issue = (req: FastifyRequest, reply: FastifyReply): string => {
    const current = req.cookies[CSRF_COOKIE];
    if (current && TOKEN.test(current)) return current;
    const token = newCsrfToken();
    // Per browser, not per session: it survives login and logout, so open tabs keep working.
    reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: false, sameSite: 'strict', secure });
    return token;
  };

  app.addHook('onRequest', async (req, reply) => {
    if (SAFE_METHODS.has(req.method)) {
      // Any API read hands out a token, so the first state change rarely needs a round trip.
      if (req.url.startsWith('/api/') && !req.url.startsWith('/api/docs')) issue(req, reply);
      return;
    }
    const cookie = req.cookies[CSRF_COOKIE];
    const header = req.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string' || !sameToken(cookie, header)) {
      return reply.code(403).send({ code: 'CSRF', message: CSRF_MESSAGE });
    }
  });

  app.get(
    '/api/auth/csrf',
    {
      schema: {
        tags: ['auth'],
        summary: '获取 CSRF 令牌（写操作须在 X-CSRF-Token 头中带上 fw_csrf Cookie 的值）',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (req, reply) => ({ token: issue(req, reply) }),
  );
});
