import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env.js';
import { createContext } from '../../createContext.js';
import { seedDemo } from '../../db/seed/demo.js';
import { createBackup } from './createBackup.js';
import { restoreBackup } from './restoreBackup.js';
import { countRows } from './manifest.js';
import { storedFileHashes } from './roundTrip.js';

const base = process.env.TEST_DATABASE_URL;
const hasTools = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;

async function admin(text: string) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function freshDatabase(): Promise<{ url: string; name: string }> {
  const name = `fw_backup_${crypto.randomBytes(5).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(base!);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

async function pgCounts(url: string) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await countRows(async (text) => (await c.query<Record<string, unknown>>(text)).rows);
  } finally {
    await c.end();
  }
}

describe.skipIf(!base || !hasTools)('backup and restore with PostgreSQL (pg_dump / pg_restore)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-pgbackup-'));
  const source = path.join(root, 'source');
  const dbs: string[] = [];
  let sourceUrl = '';
  let archive = '';

  beforeAll(async () => {
    const db = await freshDatabase();
    dbs.push(db.name);
    sourceUrl = db.url;
    const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: source, DATABASE_URL: sourceUrl });
    const { ctx, close } = await createContext(env);
    await seedDemo(ctx);
    await close();
  }, 120_000);
  afterAll(async () => {
    for (const name of dbs) await admin(`drop database if exists ${name} with (force)`);
    process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  });

  it('dumps from one snapshot: the manifest counts equal the live database', async () => {
    const result = await createBackup({ dataDir: source, databaseUrl: sourceUrl, out: path.join(root, 'archives') });
    archive = result.archive;
    expect(result.manifest.mode).toBe('postgres');
    expect(result.manifest.tables).toEqual(await pgCounts(sourceUrl));
    expect(result.manifest.tables['public.applications']).toBeGreaterThan(0);
    expect(result.manifest.missingStoredFiles).toEqual([]);
  });

  it('restores into a fresh database and an empty directory with every count and hash equal', async () => {
    const target = await freshDatabase();
    dbs.push(target.name);
    const dataDir = path.join(root, 'restored');
    const result = await restoreBackup({ archive, dataDir, databaseUrl: target.url });
    expect(result.tables).toEqual(await pgCounts(sourceUrl));
    expect(await pgCounts(target.url)).toEqual(await pgCounts(sourceUrl));
    expect(await storedFileHashes(dataDir)).toEqual(await storedFileHashes(source));
  });

  it('refuses a database that already has tables', async () => {
    await expect(restoreBackup({ archive, dataDir: path.join(root, 'again'), databaseUrl: sourceUrl })).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(path.join(root, 'again'))).toEqual([]);
  });
});
