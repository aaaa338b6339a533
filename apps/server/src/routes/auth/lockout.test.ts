import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant, randomMobile } from '../../test/factories.js';
import { auditEvents, loginThrottle } from '../../db/schema/index.js';
import { hashPassword } from '../../services/passwords.js';

const PASSWORD = 'Qiye@2026x';

describe('login lockout', () => {
  let t: TestServer;
  let hash: string;
  beforeAll(async () => {
    t = await getTestServer();
    hash = await hashPassword(PASSWORD);
  });
  afterAll(() => t.close());

  let ipSeq = 1;
  const ip = () => `10.20.${Math.floor(ipSeq / 250)}.${ipSeq++ % 250}`;
  const login = (login: string, password: string, addr = ip()) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, headers: { 'x-forwarded-for': addr } });
  const later = (minutes: number) => t.setNow(new Date(Date.now() + minutes * 60_000));

  it('locks the account for 15 minutes after five wrong passwords, even for the right one from another address', async () => {
    const { mobile, user } = await makeApplicant(t.ctx, { passwordHash: hash });
    for (let i = 0; i < 4; i++) expect((await login(mobile, 'Wrong#2026x')).statusCode).toBe(401);
    const fifth = await login(mobile, 'Wrong#2026x');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().message).toMatch(/^登录失败次数过多，已暂时锁定，请于\d{2}:\d{2}（约15分钟后）再试$/);
    const right = await login(mobile, PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.cookies.find((c) => c.name === 'fw_sid')).toBeUndefined();
    expect(right.json().retryAfterSeconds).toBeGreaterThan(14 * 60);

    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.login_locked'), eq(auditEvents.subjectId, user.id)));
    expect(audit).toHaveLength(1);

    later(14);
    try {
      expect((await login(mobile, PASSWORD)).statusCode).toBe(429);
      later(16);
      expect((await login(mobile, PASSWORD)).statusCode).toBe(200);
      // The success clears the account's count.
      expect(await t.ctx.db.select().from(loginThrottle).where(eq(loginThrottle.key, `user:${user.id}`))).toHaveLength(0);
    } finally {
      t.setNow(null);
    }
  });

  it('starts the count again after a successful login', async () => {
    const { mobile } = await makeApplicant(t.ctx, { passwordHash: hash });
    for (let i = 0; i < 4; i++) await login(mobile, 'Wrong#2026x');
    expect((await login(mobile, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(mobile, 'Wrong#2026x')).statusCode).toBe(401);
    expect((await login(mobile, PASSWORD)).statusCode).toBe(200);
  });

  it('counts only failures within 15 minutes', async () => {
    const { mobile } = await makeApplicant(t.ctx, { passwordHash: hash });
    for (let i = 0; i < 4; i++) await login(mobile, 'Wrong#2026x');
    later(16);
    try {
      expect((await login(mobile, 'Wrong#2026x')).statusCode).toBe(401);
      expect((await login(mobile, PASSWORD)).statusCode).toBe(200);
    } finally {
      t.setNow(null);
    }
  });

  it('locks an address after five failures across accounts; other addresses still log in', async () => {
    const addr = ip();
    const victim = await makeApplicant(t.ctx, { passwordHash: hash });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await login(i % 2 ? randomMobile() : (await makeApplicant(t.ctx, { passwordHash: hash })).mobile, 'Wrong#2026x', addr)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const blocked = await login(victim.mobile, PASSWORD, addr);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toMatch(/请于\d{2}:\d{2}/);
    expect((await login(victim.mobile, PASSWORD)).statusCode).toBe(200);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'ip.login_locked'), eq(auditEvents.ip, addr)));
    expect(audit).toHaveLength(1);
  });

  it('counts parallel guesses: twelve at once lock the account', async () => {
    const { mobile } = await makeApplicant(t.ctx, { passwordHash: hash });
    const codes = await Promise.all(Array.from({ length: 12 }, () => login(mobile, 'Wrong#2026x').then((r) => r.statusCode)));
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(4);
    expect((await login(mobile, PASSWORD)).statusCode).toBe(429);
  });
});
