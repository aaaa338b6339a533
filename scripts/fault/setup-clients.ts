/**
 * Creates the fault test's applicants, each with an application and a session, on the database named by
 * DATABASE_URL (migrations run first), and prints them as JSON: [{ applicationId, cookie }].
 *
 *   setup-clients.ts <count> [--complete] [--pdf <path>]
 *   --complete   applications filled completely with their required files (so they can be submitted)
 *   --pdf <path> also writes a small real PDF there: the start of every file the load uploads
 */
import fs from 'node:fs';
import { loadEnv } from '../../apps/server/src/env.js';
import { createContext } from '../../apps/server/src/createContext.js';
import { makeApplication, makeCompleteApplication } from '../../apps/server/src/test/factories.js';
import { makePdf } from '../../apps/server/src/services/documents/sampleDocuments.js';

const args = process.argv.slice(2);
const count = Number(args[0] ?? 4);
const complete = args.includes('--complete');
const pdfAt = args.includes('--pdf') ? args[args.indexOf('--pdf') + 1] : undefined;

const env = loadEnv();
const { ctx, close } = await createContext(env);
const clients: Array<{ applicationId: string; cookie: string }> = [];
for (let i = 0; i < count; i++) {
  const { application, cookie } = complete ? await makeCompleteApplication(ctx) : await makeApplication(ctx);
  clients.push({ applicationId: application.id, cookie });
}
await close();
if (pdfAt) fs.writeFileSync(pdfAt, await makePdf('Fault test upload'));
process.stdout.write(JSON.stringify(clients));
