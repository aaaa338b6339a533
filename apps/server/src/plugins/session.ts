import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { Actor, AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { findSessionUser, SESSION_COOKIE } from '../services/sessions.js';
import { totpRequiredFor } from '../services/totp.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The actor's role requires a second factor and the account has none yet (see plugins/requireTotp.ts). */
    totpEnrolmentDue: boolean;
    /** An issued account that has not done its first-login step (see routes/accounts/requireFirstLoginDone.ts). */
    firstLoginDue: boolean;
  }
}

/** Reads the session cookie on every request and sets `request.actor` (null when not logged in). */
export const sessionPlugin = fp<{ ctx: AppContext }>(async (app, { ctx }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('totpEnrolmentDue', false);
  app.decorateRequest('firstLoginDue', false);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await findSessionUser(ctx.db, token, ctx.now());
    if (found) {
      const u = found.user;
      req.actor = { id: u.id, role: u.role as Actor['role'], regionCode: u.regionCode, level: u.level as Actor['level'], ip: req.ip };
      req.totpEnrolmentDue = totpRequiredFor(u.role) && !u.totpEnabledAt;
      req.firstLoginDue = u.mustChangePassword;
    }
  });
});

/** Route guard: a logged-in actor of one of the roles. */
export function requireRole(...roles: Actor['role'][]): preHandlerHookHandler {
  return async function (req: FastifyRequest, _reply: FastifyReply) {
    if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
    if (roles.length && !roles.includes(req.actor.role)) throw new AppError('FORBIDDEN', '无权进行此操作');
  };
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}
