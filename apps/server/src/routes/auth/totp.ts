import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recoveryCodesResponse, totpCodeBody, totpEnrolmentResponse, totpStatusResponse } from '@fw/shared';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/session.js';
import { confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes, startTotpEnrolment, totpStatus } from '../../commands/auth/totpEnrolment.js';

const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
const ok = z.object({ ok: z.literal(true) });

/** Second factor (TOTP) of the logged-in account: status, enrolment, recovery codes. */
export const totpRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/auth/totp', { schema: { tags: ['auth'], summary: '动态口令状态', response: { 200: totpStatusResponse, 401: errorBody } } }, async (req) => totpStatus(ctx, actorOf(req)));

  app.post(
    '/auth/totp/enrol',
    { schema: { tags: ['auth'], summary: '开始绑定动态口令（生成密钥与二维码）', response: { 200: totpEnrolmentResponse, 401: errorBody, 409: errorBody } } },
    async (req) => startTotpEnrolment(ctx, actorOf(req)),
  );

  app.post(
    '/auth/totp/confirm',
    {
      schema: { tags: ['auth'], summary: '以首个动态口令确认绑定，返回恢复码（仅显示一次）', body: totpCodeBody, response: { 200: recoveryCodesResponse, 400: errorBody, 401: errorBody, 409: errorBody } },
    },
    async (req) => confirmTotpEnrolment(ctx, actorOf(req), req.body.code),
  );

  app.post(
    '/auth/totp/recovery-codes',
    {
      schema: { tags: ['auth'], summary: '重新生成恢复码（旧恢复码作废）', body: totpCodeBody, response: { 200: recoveryCodesResponse, 400: errorBody, 401: errorBody, 409: errorBody } },
    },
    async (req) => regenerateRecoveryCodes(ctx, actorOf(req), req.body.code),
  );

  app.post(
    '/auth/totp/disable',
    {
      schema: { tags: ['auth'], summary: '关闭动态口令（仅申报单位账号）', body: totpCodeBody, response: { 200: ok, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } },
    },
    async (req) => {
      await disableTotp(ctx, actorOf(req), req.body.code);
      return { ok: true as const };
    },
  );
};
