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
    // Twelve rows in batches of five: the batches cross from id 9 to 10, where ordering ids as text would go wrong.
    for (let i = 0; i < 12; i++) await recordAudit(t.ctx.db, { actorId: null, action: 'test.seal', subjectType: 'test', subjectId: String(i), detail: { i, nested: { b: 2, a: [1, 'x'] } }, ip: '127.0.0.1' });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0, batchSize: 5 })).toEqual({ sealed: 5, deferred: false });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0, batchSize: 5 })).toEqual({ sealed: 5, deferred: false });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0, batchSize: 5 })).toEqual({ sealed: 2, deferred: false });
    expect(await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).toEqual({ sealed: 0, deferred: false });
    const rows = await readChainRows(t.ctx.db, sql`true`, 100);
    expect(rows).toHaveLength(12);
    let prev = AUDIT_GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(chainHash(prev, row));
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      prev = row.hash!;
    }
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, start: 'genesis', checked: 12, headHash: prev, unsealed: 0 });
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
  it.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, a sealer racing 200 overlapping slow inserts leaves one unbroken chain', async () => {
    const sealer = startAuditSealer(t.ctx.db, { intervalMs: 2, minAgeMs: 0 });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Ten writers (fewer than the pool, so the sealer always gets a connection), each transaction holding its
    // row a while before commit. Even the age guard is off: only the lock check keeps a late lower id in order.
    await Promise.all(
      Array.from({ length: 10 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 20; i++) {
            await t.ctx.db.transaction(async (tx) => {
              await recordAudit(tx, { actorId: null, action: 'test.race', subjectType: 'test', subjectId: `${w}.${i}` });
              await sleep(Math.random() * 15);
            });
          }
        })(),
      ),
    );
    // Steady writing does not hold sealing back: most rows were sealed while the writers were busy.
    expect(await unsealedCount(t)).toBeLessThan(100);
    await sealer.stop();
    while ((await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).sealed > 0);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, unsealed: 0, finding: null });
  });
});
