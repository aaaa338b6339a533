import { Writable } from 'node:stream';
import { desc } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { randomMobile } from '../test/factories.js';
import { buildApp, type App } from '../app.js';
import { smsOutbox } from '../db/schema/index.js';
import { loggerOptions, scrubText } from './logging.js';

/** A pino destination that keeps every line written to it. */
function captureStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('no personal data in the logs', () => {
  let t: TestServer;
  let app: App;
  const log = captureStream();
  beforeAll(async () => {
    t = await getTestServer({ LOG_LEVEL: 'trace' });
    // The production logger (trace level, so everything Fastify logs is seen) writing into memory.
    app = await buildApp(t.ctx, { logStream: log.stream });
    // As server.ts does: the local SMS outbox reports what it sends to the app's log.
    (t.ctx.sms as { log?: unknown }).log = app.log;
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('logs a register, login, failed login and logout without the number, password, code or session', async () => {
    const mobile = randomMobile();
    const password = 'Rizhi#2026q';
    const post = (url: string, payload: object, cookie?: string) =>
      app.inject({ method: 'POST', url, payload, headers: { ...t.csrfHeaders(cookie), 'x-forwarded-for': '10.5.0.1' } });

    expect((await post('/api/auth/sms-code', { mobile, purpose: 'register' })).statusCode).toBe(200);
    const [row] = await t.ctx.db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(1);
    const code = /验证码为(\d{6})/.exec(row!.text)![1]!;
    const registered = await post('/api/auth/register', { mobile, code, password });
    expect(registered.statusCode).toBe(200);
    expect((await post('/api/auth/login', { login: mobile, password: 'Wrong#2026q' })).statusCode).toBe(401);
    const login = await post('/api/auth/login', { login: mobile, password });
    expect(login.statusCode).toBe(200);
    const sid = login.cookies.find((c) => c.name === 'fw_sid')!.value;
    // Invalid input echoing the number, and a URL carrying it.
    expect((await post('/api/auth/register', { mobile, code: 'abc', password: 'x' })).statusCode).toBe(400);
    await app.inject({ method: 'GET', url: `/api/verify/${mobile}?mobile=${mobile}&email=zhang.san@example.com`, headers: { cookie: `fw_sid=${sid}` } });
    expect((await post('/api/auth/logout', {}, `fw_sid=${sid}`)).statusCode).toBe(200);

    const text = log.text();
    expect(text).toContain('incoming request');
    expect(text).toContain('SMS outbox');
    expect(text).toContain('/api/auth/login');
    expect(text).toContain(`/api/verify/${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    for (const secret of [mobile, password, 'Wrong#2026q', code, sid, 'zhang.san@example.com', t.csrfToken]) expect(text).not.toContain(secret);
  });
});

describe('log redaction', () => {
  it('censors personal members of logged objects and masks numbers in messages and errors', () => {
    const out = captureStream();
    const logger = pino(loggerOptions('info', out.stream) as pino.LoggerOptions, out.stream);
    logger.info({ body: { mobile: '13912345678', password: 'Secret#2026', code: '246810' }, login: 'zhangsan' }, 'saw 13912345678');
    logger.error({ err: new Error('Failed query: insert … params: 13912345678,li.si@example.com') }, 'query failed');
    logger.info({ headers: { cookie: 'fw_sid=abc123', authorization: 'Bearer xyz' } }, 'headers');
    const text = out.text();
    for (const secret of ['13912345678', 'Secret#2026', '246810', 'zhangsan', 'li.si@example.com', 'abc123', 'Bearer xyz']) expect(text).not.toContain(secret);
    expect(text).toContain('139****5678');
    expect(text).toContain('[redacted]');
  });

  it('masks mobile numbers but leaves other numbers alone', () => {
    expect(scrubText('/api/x/13800001234/y')).toBe('/api/x/138****1234/y');
    expect(scrubText('ids 2026001 and 913100007777777777')).toBe('ids 2026001 and 913100007777777777');
    expect(scrubText('SMS outbox: 【遴选平台】您的验证码为482913，10分钟内有效')).toBe('SMS outbox: 【遴选平台】您的验证码为******，10分钟内有效');
  });
});
