import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { loadEnv } from '../../env.js';
import { createContext } from '../../createContext.js';
import { seedDemo } from '../../db/seed/demo.js';
import { createBackup } from './createBackup.js';
import { restoreBackup } from './restoreBackup.js';
import { countRows } from './manifest.js';
import { storedFileHashes } from './roundTrip.js';

async function pgliteCounts(dataDir: string) {
  const client = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
  try {
    return await countRows(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
  } finally {
    await client.close();
  }
}

// The embedded-database run of the suite; the PostgreSQL run has its own round trip.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup and restore with the embedded database', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-backup-'));
  const source = path.join(root, 'source');
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: source, DATABASE_URL: undefined });
  let archive = '';

  beforeAll(async () => {
    const { ctx, close } = await createContext(env);
    await seedDemo(ctx);
    await close();
  }, 120_000);
  afterAll(() => process.once('exit', () => fs.rmSync(root, { recursive: true, force: true })));

  it('writes one archive under DATA_DIR/backups whose manifest counts the rows and hashes the files', async () => {
    const { archive: written, manifest } = await createBackup({ dataDir: source });
    archive = written;
    expect(path.dirname(archive)).toBe(path.join(source, 'backups'));
    expect(fs.readdirSync(path.join(source, 'backups'))).toEqual([path.basename(archive)]);
    expect(manifest.tables).toEqual(await pgliteCounts(source));
    expect(manifest.tables['public.applications']).toBeGreaterThan(0);
    expect(manifest.missingStoredFiles).toEqual([]);
    const stored = await storedFileHashes(source);
    expect(Object.keys(stored).length).toBeGreaterThan(0);
    for (const [rel, sha] of Object.entries(stored)) expect(manifest.files[`files/${rel}`]?.sha256).toBe(sha);
  });

  it('restores into an empty directory with every table count and every file hash equal', async () => {
    const target = path.join(root, 'restored');
    const result = await restoreBackup({ archive, dataDir: target });
    expect(result.tables).toEqual(await pgliteCounts(source));
    expect(await pgliteCounts(target)).toEqual(await pgliteCounts(source));
    expect(await storedFileHashes(target)).toEqual(await storedFileHashes(source));
    expect(fs.readdirSync(target).sort()).toEqual(['files', 'pglite']);

    // The restored directory is a working installation: the app opens it and finds the demo round.
    const restoredEnv = { ...env, DATA_DIR: target };
    const { ctx, close } = await createContext(restoredEnv);
    try {
      expect(await seedDemo(ctx)).toBeNull();
    } finally {
      await close();
    }
  });

  it('refuses a data directory that is not empty and leaves it untouched', async () => {
    const target = path.join(root, 'occupied');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'x');
    await expect(restoreBackup({ archive, dataDir: target })).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
  });

  it('refuses to restore an embedded-database backup while DATABASE_URL is set', async () => {
    const target = path.join(root, 'wrong-kind');
    await expect(restoreBackup({ archive, dataDir: target, databaseUrl: 'postgres://u@127.0.0.1:1/db' })).rejects.toThrow(/unset DATABASE_URL/);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('refuses an archive whose file does not match the manifest and leaves the directory empty', async () => {
    const unpacked = path.join(root, 'tamper');
    fs.mkdirSync(unpacked);
    await tar.extract({ file: archive, cwd: unpacked });
    const victim = fs.readdirSync(path.join(unpacked, 'files'))[0]!;
    fs.appendFileSync(path.join(unpacked, 'files', victim), 'tampered');
    const bad = path.join(root, 'tampered.tar.gz');
    await tar.create({ gzip: true, file: bad, cwd: unpacked }, fs.readdirSync(unpacked));
    const target = path.join(root, 'from-tampered');
    await expect(restoreBackup({ archive: bad, dataDir: target })).rejects.toThrow(new RegExp(`files/${victim}`));
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('refuses to back up the embedded database while a server holds it open', async () => {
    const { close } = await createContext(env);
    try {
      await expect(createBackup({ dataDir: source, out: path.join(root, 'busy') })).rejects.toThrow(/in use/);
    } finally {
      await close();
    }
  });
});
