import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { isDatabaseUnavailable } from './unavailable.js';

/** The error a real node-postgres pool (through Drizzle, as the app uses it) throws for `select 1`. */
async function errorOf(connectionString: string, poolOpts: pg.PoolConfig = {}): Promise<unknown> {
  const pool = new pg.Pool({ connectionString, max: 1, ...poolOpts });
  pool.on('error', () => {});
  try {
    await drizzle(pool).execute(sql`select 1`);
    return null;
  } catch (err) {
    return err;
  } finally {
    await pool.end().catch(() => {});
  }
}

/** A local TCP server standing in for PostgreSQL, to produce what clients see in a given server state. */
const servers: net.Server[] = [];
async function fakeServer(onStartup: (socket: net.Socket) => void): Promise<string> {
  const server = net.createServer((socket) => {
    socket.once('data', () => onStartup(socket));
    socket.on('error', () => {});
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `postgres://u@127.0.0.1:${(server.address() as net.AddressInfo).port}/db`;
}
afterAll(() => servers.forEach((s) => s.close()));

/** A protocol-3 ErrorResponse with the given SQLSTATE, as PostgreSQL sends it before closing. */
function errorResponse(code: string, message: string): Buffer {
  const body = Buffer.concat([
    Buffer.from(`SFATAL\0C${code}\0M${message}\0`, 'utf8'),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const msg = (type: string, payload: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([head, payload]);
};

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('isDatabaseUnavailable recognises a database that cannot be reached', () => {
  it('connection refused (server down), through the Drizzle wrapper', async () => {
    const err = await errorOf(`postgres://u@127.0.0.1:${await closedPort()}/db`);
    expect(err).toBeTruthy();
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('a connect timeout of the pool (server accepts but never answers)', async () => {
    const url = await fakeServer(() => {}); // silent
    const err = await errorOf(url, { connectionTimeoutMillis: 300 });
    expect(String((err as Error).message) + String((err as { cause?: Error }).cause?.message)).toMatch(/timeout/i);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['57P03', 'the database system is starting up'],
    ['57P03', 'the database system is shutting down'],
    ['57P01', 'terminating connection due to administrator command'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
  ])('the server refusing the session with %s (%s)', async (code, text) => {
    const url = await fakeServer((socket) => socket.end(errorResponse(code, text)));
    const err = await errorOf(url);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('the connection dropped in the middle of a query (pg "Connection terminated unexpectedly")', async () => {
    const url = await fakeServer((socket) => {
      const ok = Buffer.alloc(4);
      socket.write(Buffer.concat([msg('R', ok), msg('Z', Buffer.from('I'))]));
      socket.once('data', () => socket.destroy()); // the query arrives: the server "crashes"
    });
    const err = await errorOf(url);
    expect(String((err as { cause?: Error }).cause?.message ?? (err as Error).message)).toMatch(/Connection terminated/);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('a pool that was ended, and a closed PGlite', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://u@127.0.0.1:1/db' });
    await pool.end();
    await expect(pool.query('select 1')).rejects.toSatisfy(isDatabaseUnavailable);
    const lite = await PGlite.create();
    await lite.close();
    await expect(lite.query('select 1')).rejects.toSatisfy(isDatabaseUnavailable);
  });
});

describe('isDatabaseUnavailable leaves ordinary query errors alone (they stay 4xx/500)', () => {
  it('unique violation, syntax error and a missing table from a real PGlite are not "unavailable"', async () => {
    const lite = await PGlite.create();
    const db = drizzlePglite(lite);
    try {
      await db.execute(sql`create table t (x int primary key)`);
      await db.execute(sql`insert into t values (1)`);
      const errors = await Promise.all([
        db.execute(sql`insert into t values (1)`).catch((e: unknown) => e),
        db.execute(sql.raw('selec 1')).catch((e: unknown) => e),
        db.execute(sql`select * from missing_table`).catch((e: unknown) => e),
      ]);
      for (const e of errors) {
        expect(e).toBeInstanceOf(Error);
        expect(isDatabaseUnavailable(e)).toBe(false);
      }
    } finally {
      await lite.close();
    }
  });

  it('plain errors and non-errors', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable({ statusCode: 404 })).toBe(false);
  });
});

// Against the real PostgreSQL of the suite's second run: our own backend is terminated by an administrator.
describe.skipIf(!process.env.TEST_DATABASE_URL)('with a real PostgreSQL', () => {
  it('a query whose backend is terminated (pg_terminate_backend → 57P01) is "unavailable"', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const victim = new pg.Pool({ connectionString: url, max: 1 });
    victim.on('error', () => {});
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const db = drizzle(victim);
      const { rows } = await victim.query<{ pid: number }>('select pg_backend_pid() as pid');
      const running = db.execute(sql`select pg_sleep(10)`).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 200));
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      const err = await running;
      expect(err).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(err)).toBe(true);
      // The pool recovers by itself with a new connection.
      const again = await victim.query<{ one: number }>('select 1 as one');
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      await admin.end();
      await victim.end();
    }
  });
});
