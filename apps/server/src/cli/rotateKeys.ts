import { loadEnv } from '../env.js';
import { createContext } from '../createContext.js';
import { recordAudit } from '../services/audit.js';
import { createPersonalData } from '../services/personalData.js';
import { leftUnderOtherKeys, rotatePersonalData } from '../services/personalDataRotation.js';

const USAGE = 'usage: npm run keys:rotate -w apps/server [-- --batch-size <rows, default 500>]';

/**
 * Re-encrypts every protected value under PERSONAL_DATA_KEY (id PERSONAL_DATA_KEY_ID), reading older
 * ones with PERSONAL_DATA_OLD_KEYS; with BLIND_INDEX_OLD_KEY also rewrites the blind indexes under
 * BLIND_INDEX_KEY. Safe to stop and run again. Exit code 1 while any value is left under another key.
 */
async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--batch-size');
  const batchArg = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (!batchArg || !/^[1-9]\d*$/.test(batchArg))) throw new Error(USAGE);
  const env = loadEnv();
  const { ctx, close } = await createContext(env);
  try {
    const pd = ctx.personalData;
    const oldIndex = env.BLIND_INDEX_OLD_KEY ? createPersonalData({ key: env.PERSONAL_DATA_KEY!, indexKey: env.BLIND_INDEX_OLD_KEY }) : undefined;
    console.log(`re-encrypting under key ${pd.currentKeyId}${oldIndex ? '; blind indexes under the new BLIND_INDEX_KEY' : ''}`);
    const counts = await rotatePersonalData(ctx.db, pd, { batchSize: batchArg ? Number(batchArg) : undefined, oldIndex, progress: (line) => console.log(`  ${line}`) });
    for (const [name, n] of Object.entries(counts.reencrypted)) console.log(`${name}: ${n} rows re-encrypted`);
    const from = Object.entries(counts.fromKeys).map(([id, n]) => `${id}: ${n}`).join(', ');
    console.log(`values read with: ${from || 'none (everything was already under the current key)'}`);
    for (const [name, n] of Object.entries(counts.blindIndexes)) console.log(`${name}: ${n} rewritten`);
    await recordAudit(ctx.db, { actorId: null, action: 'personal_data.rotate', subjectType: 'system', detail: { keyId: pd.currentKeyId, ...counts }, ip: 'cli' });
    const left = await leftUnderOtherKeys(ctx.db, pd.currentKeyId);
    if (Object.keys(left).length) {
      for (const [column, n] of Object.entries(left)) console.log(`LEFT under another key: ${column}: ${n} rows`);
      process.exitCode = 1;
    } else console.log(`OK: no value left under another key than ${pd.currentKeyId}`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
