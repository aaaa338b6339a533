import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';

/** Reachable before enrolment: /me, logout, the enrolment routes themselves and the first-login step. */
const OPEN_PREFIX = '/api/auth/';

/**
 * An authority, expert or admin account without a confirmed second factor may call nothing but the
 * auth routes: 403 TOTP_REQUIRED. Hook it once for the whole API, after the first-login gate:
 * `api.addHook('preHandler', requireTotpEnrolled())`. The flag is set by the session plugin.
 */
export function requireTotpEnrolled(): preHandlerHookHandler {
  return async function (req: FastifyRequest, reply: FastifyReply) {
    if (!req.actor || !req.totpEnrolmentDue) return;
    // The matched route, not req.url: an absolute-form target (`GET http://host/api/…`) reaches the
    // same route with a req.url that does not start with /api/.
    const path = req.routeOptions.url ?? '';
    if (!path.startsWith('/api/') || path.startsWith(OPEN_PREFIX)) return;
    return reply.status(403).send({ code: 'TOTP_REQUIRED', message: '请先绑定动态口令（双因素认证）后再继续操作' });
  };
}
