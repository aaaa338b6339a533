import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { DestinationStream } from 'pino';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './db/unavailable.js';
import { isBadInputForDatabase } from './db/errors.js';
import { sessionPlugin } from './plugins/session.js';
import { requireTotpEnrolled } from './plugins/requireTotp.js';
import { securityHeadersPlugin } from './plugins/security.js';
import { csrfPlugin } from './plugins/csrf.js';
import { rateLimitPlugin } from './plugins/rateLimit.js';
import { loggerOptions } from './plugins/logging.js';
import { healthRoutes } from './routes/health/index.js';
import { authRoutes } from './routes/auth/index.js';
import { organisationRoutes } from './routes/organisation/index.js';
import { roundRoutes } from './routes/rounds/index.js';
import { applicationRoutes } from './routes/applications/index.js';
import { uploadRoutes } from './routes/uploads/index.js';
import { verifyRoutes } from './routes/verify/index.js';
import { devRoutes } from './routes/dev/index.js';
import { authorityRoutes } from './routes/authority/index.js';
import { organiserRoutes } from './routes/organiser/index.js';
import { expertRoutes } from './routes/expert/index.js';
import { publicRoutes } from './routes/public/index.js';
import { notificationRoutes } from './routes/notifications/index.js';
import { dashboardRoutes } from './routes/dashboard/index.js';
import { accountRoutes, requireFirstLoginDone } from './routes/accounts/index.js';

export type App = FastifyInstance;

/** Builds the app: plugins → routes → error handler. Listening is server.ts's job. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean; logStream?: DestinationStream; rateLimitNameSpace?: string } = {}): Promise<App> {
  const https = ctx.env.publicUrl.startsWith('https:');
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(ctx.env.LOG_LEVEL, opts.logStream),
    trustProxy: ctx.env.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(securityHeadersPlugin, { https });
  // Before every route, so the limits table applies to all; it runs after the global hooks (session
  // included), so limits count per user.
  await app.register(rateLimitPlugin, { redisUrl: ctx.env.REDIS_URL, nameSpace: opts.rateLimitNameSpace });
  // Before the session lookup: a forged request is refused without touching the database.
  await app.register(csrfPlugin, { secure: https });
  await app.register(swagger, {
    openapi: { info: { title: '服务型制造示范遴选申报平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: {
      // "Try it out" on a write repeats the fw_csrf cookie in the header, as the web app does (runs
      // in the browser; GET /api/auth/csrf first sets the cookie).
      requestInterceptor: (req) => {
        const found = /(?:^|;\s*)fw_csrf=([^;]+)/.exec((globalThis as unknown as { document: { cookie: string } }).document.cookie);
        if (found) req.headers['X-CSRF-Token'] = found[1];
        return req;
      },
    },
  });
  await app.register(sessionPlugin, { ctx });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, fields: err.fields, ...err.extra });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const key = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
        fields[key] ??= v.message ?? '格式不正确';
      }
      const first = Object.values(fields)[0];
      return reply.status(400).send({ code: 'VALIDATION', message: first ? `输入有误：${first}` : '输入有误', fields });
    }
    if (isDatabaseUnavailable(err)) {
      return reply.status(503).header('retry-after', '5').send({ code: 'UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE });
    }
    // Text the database cannot store (a NUL character, a malformed number) is the client's input, not our fault.
    if (isBadInputForDatabase(err)) return reply.status(400).send({ code: 'VALIDATION', message: '输入包含无法保存的字符或格式，请检查后重试' });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return reply.status(429).send(err);
    if (status < 500) {
      return reply.status(status).send({ code: 'BAD_REQUEST', message: status === 413 ? '内容过大' : '请求格式不正确' });
    }
    req.log.error(err);
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后再试' });
  });

  await app.register(
    async (api) => {
      // Issued accounts bind a contact and change the password before anything else.
      api.addHook('preHandler', requireFirstLoginDone(ctx));
      // Authority, expert and admin accounts use a second factor before anything else (等保 level 3).
      api.addHook('preHandler', requireTotpEnrolled());
      await api.register(healthRoutes, { ctx });
      await api.register(authRoutes, { ctx });
      await api.register(organisationRoutes, { ctx });
      await api.register(roundRoutes, { ctx });
      await api.register(applicationRoutes, { ctx });
      await api.register(uploadRoutes, { ctx });
      await api.register(verifyRoutes, { ctx });
      await api.register(authorityRoutes, { ctx, prefix: '/authority' });
      await api.register(accountRoutes, { ctx });
      await api.register(organiserRoutes, { ctx, prefix: '/organiser' });
      await api.register(expertRoutes, { ctx, prefix: '/expert' });
      await api.register(publicRoutes, { ctx, prefix: '/public' });
      await api.register(notificationRoutes, { ctx, prefix: '/notifications' });
      await api.register(dashboardRoutes, { ctx, prefix: '/dashboard' });
      if (ctx.env.devOutbox) await api.register(devRoutes, { ctx });
    },
    { prefix: '/api' },
  );

  // The built web app, with the SPA's client-side routes falling back to index.html.
  if (fs.existsSync(path.join(ctx.env.WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: ctx.env.WEB_DIST, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    });
  } else {
    app.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' }));
  }
  return app;
}
