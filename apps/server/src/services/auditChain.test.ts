import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../test/testServer.js';
import { rowsOf } from '../db/rows.js';
import { recordAudit } from './audit.js';
import { canonicalJson, verifyAuditChain } from './auditChain.js';
import { sealAuditBatch } from '../jobs/sealAudit.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: '中' }], c: undefined } })).toBe('{"a":{"d":[2,{"y":"中","z":null}]},"b":1}');
  });
});

describe('verifyAuditChain finds the first row that does not match', () => {
  let t: TestServer;
  let ids: string[];

  /** Tampering as the table owner: the append-only triggers are switched off around the statement. */
  const tamper = async (statement: SQL) => {
    await t.ctx.db.execute(sql`alter table audit_events disable trigger user`);
    try {
      await t.ctx.db.execute(statement);
    } finally {
      await t.ctx.db.execute(sql`alter table audit_events enable trigger user`);
    }
  };

  beforeAll(async () => {
    t = await getTestServer();
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await tamper(sql`truncate audit_events`);
    for (let i = 0; i < 5; i++) await recordAudit(t.ctx.db, { actorId: null, action: 'test.chain', subjectType: 'test', subjectId: `s${i}`, detail: { i } });
    await sealAuditBatch(t.ctx.db, { minAgeMs: 0 });
    ids = rowsOf<{ id: string }>(await t.ctx.db.execute(sql`select id::text as id from audit_events order by id`)).map((r) => r.id);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, checked: 5, start: 'genesis', finding: null });
  });

  it('names a row whose content was changed', async () => {
    await tamper(sql`update audit_events set detail = '{"i": 99}' where id = ${ids[2]}::bigint`);
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.ok).toBe(false);
    expect(report.finding).toEqual({ id: ids[2], problem: expect.stringContaining('content does not match') });
    expect(report.checked).toBe(2);
  });

  it('notices a change of a microsecond in the time', async () => {
    await tamper(sql`update audit_events set created_at = created_at + interval '1 microsecond' where id = ${ids[1]}::bigint`);
    expect((await verifyAuditChain(t.ctx.db)).finding?.id).toBe(ids[1]);
  });

  it('names the row after one deleted from the middle', async () => {
    await tamper(sql`delete from audit_events where id = ${ids[2]}::bigint`);
    const report = await verifyAuditChain(t.ctx.db);
    expect(report.finding).toEqual({ id: ids[3], problem: expect.stringContaining(`hash of row ${ids[1]}`) });
  });

  it('names the first row of a reordered chain', async () => {
    await tamper(sql`update audit_events set id = -1 where id = ${ids[1]}::bigint`);
    await tamper(sql`update audit_events set id = ${ids[1]}::bigint where id = ${ids[3]}::bigint`);
    await tamper(sql`update audit_events set id = ${ids[3]}::bigint where id = -1`);
    expect((await verifyAuditChain(t.ctx.db)).finding?.id).toBe(ids[1]);
  });

  it('names a row whose hash was removed', async () => {
    await tamper(sql`update audit_events set hash = null, prev_hash = null where id = ${ids[3]}::bigint`);
    expect((await verifyAuditChain(t.ctx.db)).finding).toEqual({ id: ids[3], problem: expect.stringContaining('not sealed') });
  });

  it('refuses a chain whose oldest rows were removed outside the purge', async () => {
    await tamper(sql`delete from audit_events where id <= ${ids[1]}::bigint`);
    expect((await verifyAuditChain(t.ctx.db)).finding).toEqual({ id: ids[2], problem: expect.stringContaining('no audit.purge record') });
  });

  it('reports unsealed new rows without failing', async () => {
    await recordAudit(t.ctx.db, { actorId: null, action: 'test.chain', subjectType: 'test' });
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, checked: 5, unsealed: 1, lastId: ids[4] });
  });
});
