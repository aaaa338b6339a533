import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import argon2 from 'argon2';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplicant } from '../../test/factories.js';
import { users } from '../../db/schema/index.js';
import { hashPassword, needsRehash } from '../../services/passwords.js';

const PASSWORD = 'Qiye@2026x';

describe('password hash parameters', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
  });
  afterAll(() => t.close());

  const login = (login: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, headers: { 'x-forwarded-for': '10.30.0.1' } });
  const storedHash = async (id: string) => (await t.ctx.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.h;

  it('hashes new passwords with argon2id at OWASP parameters (m=19 MiB, t=2, p=1)', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(needsRehash(hash)).toBe(false);
  });

  it('an older hash still verifies and is replaced by one with the current parameters at login', async () => {
    const old = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    expect(needsRehash(old)).toBe(true);
    const { mobile, user } = await makeApplicant(t.ctx, { passwordHash: old });
    expect((await login(mobile, 'Wrong#2026x')).statusCode).toBe(401);
    expect(await storedHash(user.id)).toBe(old);

    expect((await login(mobile, PASSWORD)).statusCode).toBe(200);
    const now = await storedHash(user.id);
    expect(now).not.toBe(old);
    expect(needsRehash(now)).toBe(false);
    expect((await login(mobile, PASSWORD)).statusCode).toBe(200);
    expect(await storedHash(user.id)).toBe(now);
  });
});
