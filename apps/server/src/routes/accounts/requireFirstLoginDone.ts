import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { AppContext } from '../../context.js';

/** Reachable before the first-login step is done: /me, logout, login again and the step itself. */
const OPEN_PREFIX = '/api/auth/';

/**
 * An issued account that still has to bind a contact and change its one-time password may call
 * nothing else: 403 FIRST_LOGIN_REQUIRED. Applicants are never issued, so they skip the look-up.
 * Hook it once for the whole API: `api.addHook('preHandler', requireFirstLoginDone(ctx))`.
 */
export function requireFirstLoginDone(_ctx: AppContext): preHandlerHookHandler {
  return async function (req: FastifyRequest, reply: FastifyReply) {
    const actor = req.actor;
    if (!actor || actor.role === 'applicant') return;
    // The matched route, not req.url: an absolute-form target (`GET http://host/api/…`) reaches the
    // same route with a req.url that does not start with /api/.
    const path = req.routeOptions.url ?? '';
    if (!path.startsWith('/api/') || path.startsWith(OPEN_PREFIX)) return;
    // Read with the session (plugins/session.ts): no query of its own on every request.
    if (req.firstLoginDue) {
      return reply.status(403).send({ code: 'FIRST_LOGIN_REQUIRED', message: '请先完成首次登录设置：绑定联系人并修改初始密码' });
    }
  };
}
