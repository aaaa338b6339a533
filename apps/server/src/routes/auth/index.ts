import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changePasswordBody, loginBody, loginChallenge, loginTotpBody, meResponse, registerBody, resetPasswordBody, sendCodeBody } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { actorOf } from '../../plugins/session.js';
import { createSession, endAllSessions, endSession, SESSION_COOKIE } from '../../services/sessions.js';
import { presentMeWithTotp } from './presentMeWithTotp.js';
import { recordAudit } from '../../services/audit.js';
import { changePassword } from '../../commands/auth/changePassword.js';
import { loginWithTotp } from '../../commands/auth/loginWithTotp.js';
import { issueLoginTicket } from '../../commands/auth/loginTicket.js';
import { totpRoutes } from './totp.js';
import { sendSmsCode } from '../../commands/auth/smsCodes.js';
import { registerApplicant } from '../../commands/auth/registerApplicant.js';
import { login } from '../../commands/auth/login.js';
import { resetPassword } from '../../commands/auth/resetPassword.js';

const ok = z.object({ ok: z.literal(true) });
const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
/** A lockout (or rate limit) answer: when to retry. */
const lockedBody = errorBody.extend({ retryAfterSeconds: z.number().optional(), lockedUntil: z.string().optional() });

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const setCookie = (reply: FastifyReply, token: string) => {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.env.publicUrl.startsWith('https:'),
      maxAge: ctx.env.SESSION_TTL_HOURS * 3600,
    });
  };
  const setSessionCookie = async (reply: FastifyReply, userId: string) => {
    setCookie(reply, await createSession(ctx.db, userId, ctx.env.SESSION_TTL_HOURS, ctx.now()));
  };
  /** A fresh session on every login (no fixation); an old cookie's session ends. */
  const rotateSession = async (req: { cookies: Record<string, string | undefined> }, reply: FastifyReply, userId: string) => {
    const old = req.cookies[SESSION_COOKIE];
    if (old) await endSession(ctx.db, old);
    await setSessionCookie(reply, userId);
  };

  app.post(
    '/auth/sms-code',
    {
      schema: { tags: ['auth'], summary: '获取短信验证码', body: sendCodeBody, response: { 200: z.object({ cooldownSeconds: z.number() }), 409: errorBody, 429: errorBody } },
    },
    async (req) => sendSmsCode(ctx, req.body),
  );

  app.post(
    '/auth/register',
    {
      schema: { tags: ['auth'], summary: '手机号注册', body: registerBody, response: { 200: meResponse, 400: errorBody, 409: errorBody } },
    },
    async (req, reply) => {
      const user = await registerApplicant(ctx, { ...req.body, ip: req.ip });
      await setSessionCookie(reply, user.id);
      return presentMeWithTotp(ctx, user);
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录（账号密码；已绑定动态口令的账号返回第二步所需的票据）',
        body: loginBody,
        response: { 200: z.union([meResponse, loginChallenge]), 401: errorBody, 429: lockedBody },
      },
    },
    async (req, reply) => {
      const { user, needsTotp } = await login(ctx, { ...req.body, ip: req.ip });
      if (needsTotp) return { needsTotp: true as const, ticket: issueLoginTicket(ctx, user.id) };
      await rotateSession(req, reply, user.id);
      return presentMeWithTotp(ctx, user);
    },
  );

  app.post(
    '/auth/login/totp',
    {
      schema: { tags: ['auth'], summary: '登录第二步：动态口令或恢复码', body: loginTotpBody, response: { 200: meResponse, 400: errorBody, 401: errorBody, 429: lockedBody } },
    },
    async (req, reply) => {
      const user = await loginWithTotp(ctx, { ...req.body, ip: req.ip });
      await rotateSession(req, reply, user.id);
      return presentMeWithTotp(ctx, user);
    },
  );

  app.post(
    '/auth/change-password',
    {
      schema: { tags: ['auth'], summary: '修改密码（其他设备上的登录同时失效）', body: changePasswordBody, response: { 200: ok, 400: errorBody, 401: errorBody, 429: lockedBody } },
    },
    async (req, reply) => {
      const token = await changePassword(ctx, actorOf(req), req.body);
      setCookie(reply, token);
      return { ok: true as const };
    },
  );

  app.post('/auth/logout-all', { schema: { tags: ['auth'], summary: '退出所有设备上的登录', response: { 200: z.object({ ended: z.number() }), 401: errorBody } } }, async (req, reply) => {
    const actor = actorOf(req);
    const ended = await endAllSessions(ctx.db, actor.id);
    await recordAudit(ctx.db, { actorId: actor.id, action: 'user.logout_all', subjectType: 'user', subjectId: actor.id, ip: req.ip, detail: { ended } });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ended };
  });

  await app.register(totpRoutes, { ctx });

  app.post(
    '/auth/reset-password',
    {
      schema: { tags: ['auth'], summary: '通过短信验证码重置密码', body: resetPasswordBody, response: { 200: ok, 400: errorBody } },
    },
    async (req) => {
      await resetPassword(ctx, { ...req.body, ip: req.ip });
      return { ok: true as const };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 200: ok } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: meResponse, 401: errorBody } } }, async (req) => {
    const actor = actorOf(req);
    const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id)).limit(1);
    if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
    return presentMeWithTotp(ctx, user);
  });
};
