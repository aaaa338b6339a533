import path from 'node:path';
import { listFiles, sha256File } from './manifest.js';

/** SHA-256 of every stored file under DATA_DIR/files, by relative path: what a round trip must keep. */
export async function storedFileHashes(dataDir: string): Promise<Record<string, string>> {
  const dir = path.join(dataDir, 'files');
  const out: Record<string, string> = {};
  for (const rel of await listFiles(dir)) out[rel] = await sha256File(path.join(dir, rel));
  return out;
}
