import { loadEnv } from './env.js';
import { createContext } from './createContext.js';
import { buildApp } from './app.js';
import { seedDemo } from './db/seed/demo.js';
import { startAuditSealer } from './jobs/auditSealer.js';

/** Starts the server: config → database (migrations) → demo data → listen; closes cleanly on signals. */
async function main() {
  const env = loadEnv();
  const { ctx, close } = await createContext(env);
  const app = await buildApp(ctx);
  (ctx.sms as { log?: unknown }).log ??= app.log;
  if (env.SEED_DEMO) {
    const demo = await seedDemo(ctx);
    if (demo) app.log.info('\n' + demo.banner);
  }
  await app.listen({ host: env.HOST, port: env.PORT });
  // Seals new audit rows into the SM3 chain every few seconds; one sealer at a time across instances.
  const sealer = startAuditSealer(ctx.db, { log: app.log });
  app.log.info(`数据库: ${ctx.dbMode}${env.DATABASE_URL ? '' : ` (${env.DATA_DIR})`} · 打开 ${env.publicUrl}`);
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await app.close();
    await sealer.stop();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
