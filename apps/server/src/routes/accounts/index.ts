import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meResponse, resetTotpBody } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf, requireRole } from '../../plugins/session.js';
import { presentMe } from '../../presenters/user.js';
import { issueAccount } from '../../commands/accounts/issueAccount.js';
import { listAccounts } from '../../commands/accounts/listAccounts.js';
import { presentAccount } from '../../commands/accounts/presentAccount.js';
import { resetAccountPassword } from '../../commands/accounts/resetAccountPassword.js';
import { resetAccountTotp } from '../../commands/accounts/resetAccountTotp.js';
import { completeFirstLogin } from '../../commands/accounts/completeFirstLogin.js';
import { accountView, errorBody, firstLoginBody, issueAccountBody } from './schemas.js';

export { requireFirstLoginDone } from './requireFirstLoginDone.js';

/** Issuing authority accounts (level above → level below) and the holder's first login. */
export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const issuers = requireRole('authority', 'admin');

  app.get(
    '/accounts',
    { preHandler: issuers, schema: { tags: ['accounts'], summary: '下级主管部门账号列表', response: { 200: z.array(accountView), 403: errorBody } } },
    async (req) => listAccounts(ctx, actorOf(req)),
  );

  app.post(
    '/accounts',
    {
      preHandler: issuers,
      schema: {
        tags: ['accounts'],
        summary: '开设下级主管部门账号（初始密码仅返回一次）',
        body: issueAccountBody,
        response: { 200: z.object({ account: accountView, initialPassword: z.string() }), 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (req, reply) => {
      const { account, region, initialPassword } = await issueAccount(ctx, actorOf(req), { ...req.body, via: 'ui' });
      reply.header('Cache-Control', 'no-store');
      return { account: presentAccount(ctx, account, { regionName: region.name, lastLoginAt: null, canReset: true }), initialPassword };
    },
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      preHandler: issuers,
      schema: {
        tags: ['accounts'],
        summary: '重置下级账号密码（新初始密码仅返回一次）',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ initialPassword: z.string() }), 403: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return resetAccountPassword(ctx, actorOf(req), req.params.id);
    },
  );

  app.post(
    '/accounts/:id/reset-totp',
    {
      preHandler: issuers,
      schema: {
        tags: ['accounts'],
        summary: '重置下级账号的动态口令（手机遗失或更换；持有人下次登录须重新绑定）',
        params: z.object({ id: z.uuid() }),
        body: resetTotpBody,
        response: { 200: z.object({ sessionsEnded: z.number() }), 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (req) => resetAccountTotp(ctx, actorOf(req), req.params.id, { reason: req.body.reason }),
  );

  app.post(
    '/auth/first-login',
    {
      preHandler: requireRole(),
      schema: { tags: ['auth'], summary: '首次登录：绑定联系人并修改初始密码', body: firstLoginBody, response: { 200: meResponse, 400: errorBody, 409: errorBody } },
    },
    async (req) => presentMe(ctx, await completeFirstLogin(ctx, actorOf(req), req.body)),
  );
};
