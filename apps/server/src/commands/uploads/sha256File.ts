import crypto from 'node:crypto';
import type { Readable } from 'node:stream';

/** SHA-256 (hex) of a stream, read chunk by chunk so large files never sit in memory. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
