/**
 * Creates the fault test's applicants, each with an application and a session, on the database named by
 * DATABASE_URL (migrations run first), and prints them as JSON: [{ applicationId, cookie }].
 */
import { loadEnv } from '../../apps/server/src/env.js';
import { createContext } from '../../apps/server/src/createContext.js';
import { makeApplication } from '../../apps/server/src/test/factories.js';

const count = Number(process.argv[2] ?? 4);
const env = loadEnv();
const { ctx, close } = await createContext(env);
const clients: Array<{ applicationId: string; cookie: string }> = [];
for (let i = 0; i < count; i++) {
  const { application, cookie } = await makeApplication(ctx);
  clients.push({ applicationId: application.id, cookie });
}
await close();
process.stdout.write(JSON.stringify(clients));
