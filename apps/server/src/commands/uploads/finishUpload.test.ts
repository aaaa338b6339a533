import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Upload } from '@tus/server';
import { getTestServer, type TestServer } from '../../test/testServer.js';
import { makeApplication } from '../../test/factories.js';
import { makePdf } from '../../test/documents.js';
import { files } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { finishUpload } from './finishUpload.js';
import { sha256Of } from './sha256File.js';

let t: TestServer;
beforeAll(async () => {
  t = await getTestServer();
});
afterAll(() => t.close());

/** The database as seen when it crashes right after a COMMIT: the transaction is durable, its answer lost. */
function answerLostAfterCommit(db: Db): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return async (work: Parameters<Db['transaction']>[0]) => {
          await target.transaction(work);
          throw new Error('Connection terminated unexpectedly');
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('finishUpload', () => {
  it('keeps the stored bytes when the database fails in a way that may have committed the row', async () => {
    const { application, applicant } = await makeApplication(t.ctx);
    const bytes = await makePdf('commit outcome unknown');
    const uploadId = crypto.randomBytes(16).toString('hex');
    // A finished upload in the store's own tus datastore, as the tus server leaves it.
    const datastore = t.ctx.files.createTusDatastore();
    await datastore.create(new Upload({ id: uploadId, size: bytes.length, offset: 0, metadata: {} }));
    await datastore.write(Readable.from([bytes]), uploadId, 0);

    const ctx = { ...t.ctx, db: answerLostAfterCommit(t.ctx.db) };
    const actor = { id: applicant.user.id, role: 'applicant' as const, regionCode: null, ip: null };
    await expect(finishUpload(ctx, { actor, uploadId, applicationId: application.id, slot: 'supporting', filename: '证书.pdf', startedAt: new Date() })).rejects.toThrow(/Connection terminated/);

    // The row committed; its bytes must still be there (an orphan is tolerable, a row without bytes is not).
    const [row] = await t.ctx.db.select().from(files).where(eq(files.applicationId, application.id));
    expect(row).toBeDefined();
    expect(await sha256Of(t.ctx.files.open(row!.storageKey))).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
  });
});
