import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { rowsOf } from '../db/rows.js';
import { recordAudit } from '../services/audit.js';
import { AUDIT_GENESIS_HASH, chainHash, readChainRows, verifyAuditChain } from '../services/auditChain.js';
import { sealAuditBatch } from './sealAudit.js';
import { startAuditSealer } from './auditSealer.js';

const unsealedCount = async (t: TestServer) =>
  rowsOf<{ n: number }>(await t.ctx.db.execute(sql`select count(*)::int as n from audit_events where hash is null`))[0]!.n;

describe('sealing the audit chain', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
  });
  afterAll(async () => t?.close());

  it('seals in id order from the genesis value, each row hashing the previous one with SM3', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(t.ctx.db, { actorId: null, action: 'test.seal', subjectType: 'test', subjectId: String(i), detail: { i, nested: { b: 2, a: [1, 'x'] } }, ip: '127.0.0.1' });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0, batchSize: 2 })).toEqual({ sealed: 2, deferred: false });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0, batchSize: 2 })).toEqual({ sealed: 2, deferred: false });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0, batchSize: 2 })).toEqual({ sealed: 1, deferred: false });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).toEqual({ sealed: 0, deferred: false });
    const rows = await readChainRows(t.ctx.db, sql`true`, 100);
    expect(rows).toHaveLength(5);
    let prev = AUDIT_GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(chainHash(prev, row));
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      prev = row.hash!;
    }
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, start: 'genesis', checked: 5, headHash: prev, unsealed: 0 });
  });

  it('leaves rows younger than the minimum age, and everything after them, for a later round', async () => {
    await recordAudit(t.ctx.db, { actorId: null, action: 'test.fresh', subjectType: 'test' });
    expect(await sealAuditBatch(t.ctx.db)).toEqual({ sealed: 0, deferred: false });
    expect(await unsealedCount(t)).toBe(1);
    expect((await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).sealed).toBe(1);
  });

  it('the background sealer seals new rows by itself and stops cleanly', async () => {
    const sealer = startAuditSealer(t.ctx.db, { intervalMs: 20, minAgeMs: 0 });
    await recordAudit(t.ctx.db, { actorId: null, action: 'test.background', subjectType: 'test' });
    await expect.poll(() => unsealedCount(t), { timeout: 5000 }).toBe(0);
    await sealer.stop();
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, waits while a lower id is still uncommitted, then seals both in order', async () => {
    const { default: pg } = await import('pg');
    const slow = new pg.Client({ connectionString: t.ctx.env.DATABASE_URL });
    await slow.connect();
    try {
      await slow.query('begin');
      const { rows } = await slow.query<{ id: string }>(`insert into audit_events (action, subject_type, created_at) values ('test.slow', 'test', now() - interval '1 minute') returning id::text as id`);
      await recordAudit(t.ctx.db, { actorId: null, action: 'test.fast', subjectType: 'test' });
      // The fast row has the higher id and is committed; sealing it now would skip the slow one for ever.
      expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).toEqual({ sealed: 0, deferred: true });
      await slow.query('commit');
      expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).toEqual({ sealed: 2, deferred: false });
      const sealed = await readChainRows(t.ctx.db, sql`a.action in ('test.slow', 'test.fast')`, 10);
      expect(sealed.map((r) => r.id)[0]).toBe(rows[0]!.id);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await slow.end();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, one sealer at a time', async () => {
    const { default: pg } = await import('pg');
    const other = new pg.Client({ connectionString: t.ctx.env.DATABASE_URL });
    await other.connect();
    try {
      await recordAudit(t.ctx.db, { actorId: null, action: 'test.locked', subjectType: 'test' });
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock($1::bigint)', [0x46570a01]);
      expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).toEqual({ sealed: 0, deferred: true });
      await other.query('rollback');
      expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).toEqual({ sealed: 1, deferred: false });
    } finally {
      await other.end();
    }
  });
});
