import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { rowsOf } from '../db/rows.js';
import { purgeAudit, recordAudit } from './audit.js';
import { verifyAuditChain } from './auditChain.js';
import { sealAuditBatch } from '../jobs/sealAudit.js';

/** The message of an error or of any error it wraps (drizzle wraps the driver's error). */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const parts: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) parts.push(e.message);
    return parts.join(' | ');
  }
  throw new Error('expected the statement to fail');
}

async function insertAged(t: TestServer, action: string, daysAgo: number): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await t.ctx.db.execute(sql`
      insert into audit_events (action, subject_type, subject_id, detail, created_at)
      values (${action}, 'test', ${action}, ${JSON.stringify({ daysAgo })}::jsonb, now() - make_interval(days => ${daysAgo}))
      returning id::text as id`),
  );
  return row!.id;
}

const ids = async (t: TestServer) =>
  rowsOf<{ id: string }>(await t.ctx.db.execute(sql`select id::text as id from audit_events order by id`)).map((r) => r.id);

describe('audit log is append-only', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
  });
  afterAll(async () => t?.close());

  it('refuses an UPDATE of a sealed row, an UPDATE of content while sealing, and a DELETE of a young row', async () => {
    await recordAudit(t.ctx.db, { actorId: null, action: 'test.young', subjectType: 'test', subjectId: 'a', detail: { n: 1 } });
    await recordAudit(t.ctx.db, { actorId: null, action: 'test.young', subjectType: 'test', subjectId: 'b' });
    expect((await sealAuditBatch(t.ctx.db, { minAgeMs: 0 })).sealed).toBeGreaterThanOrEqual(2);
    const [a] = rowsOf<{ id: string }>(await t.ctx.db.execute(sql`select id::text as id from audit_events where subject_id = 'a'`));
    expect(await failure(t.ctx.db.execute(sql`update audit_events set detail = '{"n":2}' where id = ${a!.id}::bigint`))).toMatch(/append-only/);
    expect(await failure(t.ctx.db.execute(sql`update audit_events set hash = null, prev_hash = null where id = ${a!.id}::bigint`))).toMatch(/append-only/);
    expect(await failure(t.ctx.db.execute(sql`delete from audit_events where id = ${a!.id}::bigint`))).toMatch(/append-only/);
    expect(await failure(t.ctx.db.execute(sql`truncate audit_events`))).toMatch(/append-only/);

    // Sealing may set the hash of an unsealed row, and nothing else.
    await recordAudit(t.ctx.db, { actorId: null, action: 'test.young', subjectType: 'test', subjectId: 'c' });
    const [c] = rowsOf<{ id: string }>(await t.ctx.db.execute(sql`select id::text as id from audit_events where subject_id = 'c'`));
    expect(await failure(t.ctx.db.execute(sql`update audit_events set action = 'forged', hash = 'x', prev_hash = 'y' where id = ${c!.id}::bigint`))).toMatch(/append-only/);
    expect(await failure(t.ctx.db.execute(sql`update audit_events set action = 'forged' where id = ${c!.id}::bigint`))).toMatch(/append-only/);
  });

  it('refuses a DELETE of a young row even in a purge transaction', async () => {
    const young = await insertAged(t, 'test.179days', 179);
    const message = await failure(
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local fw.audit_purge = 'on'`);
        await tx.execute(sql`delete from audit_events where id = ${young}::bigint`);
      }),
    );
    expect(message).toMatch(/append-only/);
    expect(await ids(t)).toContain(young);
  });

  it('lets a purge transaction delete a 200-day-old row, and nothing outside it', async () => {
    const old = await insertAged(t, 'test.200days', 200);
    expect(await failure(t.ctx.db.execute(sql`delete from audit_events where id = ${old}::bigint`))).toMatch(/append-only/);
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local fw.audit_purge = 'on'`);
      await tx.execute(sql`delete from audit_events where id = ${old}::bigint`);
    });
    expect(await ids(t)).not.toContain(old);
  });
});

describe('purgeAudit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
  });
  afterAll(async () => t?.close());

  it('refuses a retention below 180 days', async () => {
    await expect(purgeAudit(t.ctx.db, { olderThanDays: 30 })).rejects.toThrow(/180/);
    await expect(purgeAudit(t.ctx.db, { olderThanDays: 179 })).rejects.toThrow(/180/);
  });

  it('deletes the oldest sealed rows, never one younger than the period, and the chain still verifies', async () => {
    const old = [await insertAged(t, 'test.old', 400), await insertAged(t, 'test.old', 300), await insertAged(t, 'test.old', 200)];
    const young = [await insertAged(t, 'test.mid', 100), await insertAged(t, 'test.new', 0)];
    await sealAuditBatch(t.ctx.db, { minAgeMs: 0 });
    const before = await verifyAuditChain(t.ctx.db);
    expect(before).toMatchObject({ ok: true, start: 'genesis', checked: 5, unsealed: 0 });

    const first = await purgeAudit(t.ctx.db, { olderThanDays: 250 });
    expect(first).toEqual({ deleted: 2, keptFromId: old[2] });
    expect(await purgeAudit(t.ctx.db, { olderThanDays: 180 })).toEqual({ deleted: 1, keptFromId: young[0] });
    const remaining = await ids(t);
    expect(remaining.slice(0, 2)).toEqual(young);
    expect(remaining).toHaveLength(4); // the two young rows and the two audit.purge records

    await sealAuditBatch(t.ctx.db, { minAgeMs: 0 });
    const after = await verifyAuditChain(t.ctx.db);
    expect(after).toMatchObject({ ok: true, start: 'trusted', firstId: young[0], checked: 4, unsealed: 0, finding: null });
    expect(after.notes[0]).toContain(`chain starts at row ${young[0]}`);
  });
});
