import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';

// Several app instances starting together on a database that still needs its migrations (a deploy):
// without a lock each ran the same CREATE TABLE and all but one crashed at start.
describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, instances starting together', () => {
  it('all open the database; the migrations run once', async () => {
    const { default: pg } = await import('pg');
    const base = process.env.TEST_DATABASE_URL!;
    const name = `fw_start_${crypto.randomBytes(5).toString('hex')}`;
    const admin = async (text: string) => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        return await c.query(text);
      } finally {
        await c.end();
      }
    };
    await admin(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url.toString(), dataDir: null })));
      for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query('select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash having count(*) > 1');
      await c.end();
      expect(rows).toEqual([]);
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  });
});
