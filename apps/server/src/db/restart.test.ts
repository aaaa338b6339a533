import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env.js';
import { createContext } from '../createContext.js';
import { buildApp } from '../app.js';
import { makeApplication } from '../test/factories.js';
import { injectCsrf } from '../test/testServer.js';

/** The embedded database keeps what was acknowledged across a restart of the server. */
describe('restart with the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-restart-'));
  afterAll(() => process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true })));
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { DATA_DIR: dataDir, DATABASE_URL: undefined });

  it('finds an acknowledged save after the server is closed and started again', async () => {
    const first = await createContext(env);
    const app = await buildApp(first.ctx, { logger: false });
    injectCsrf(app);
    const { application, cookie } = await makeApplication(first.ctx);
    const saved = await app.inject({
      method: 'PATCH',
      url: `/api/applications/${application.id}/fields`,
      headers: { cookie },
      payload: { saveId: 'restart-save-1', baseVersion: 0, changes: { mainBusiness: '重启前保存的主营业务' } },
    });
    expect(saved.statusCode).toBe(200);
    await app.close();
    await first.close();

    const second = await createContext(env);
    const again = await buildApp(second.ctx, { logger: false });
    try {
      const view = await again.inject({ method: 'GET', url: `/api/applications/${application.id}`, headers: { cookie } });
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({ version: 1, data: { mainBusiness: '重启前保存的主营业务' } });
    } finally {
      await again.close();
      await second.close();
    }
  }, 120_000);
});
