import argon2 from 'argon2';

/**
 * argon2id at OWASP's recommended configuration (Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1;
 * its other listed settings trade memory for passes at the same cost). Not the library's default
 * (64 MiB, t = 3, p = 4): that took ~180 ms of CPU per check against ~25 ms here (bench, 2 cores), and
 * at a deadline thousands of applicants log in within minutes: two cores checked only ~10 passwords a
 * second and the login queue timed out (issue 5). Do not go below OWASP's minimum.
 * A hash carries its own parameters, so older hashes still verify; login rehashes them (needsRehash).
 */
export const PASSWORD_HASH = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (pw: string) => argon2.hash(pw, PASSWORD_HASH);
export const verifyPassword = (hash: string, pw: string) => argon2.verify(hash, pw).catch(() => false);
/** True when a stored hash was made with other parameters than PASSWORD_HASH (rehash after a right password). */
export const needsRehash = (hash: string) => {
  try {
    return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, PASSWORD_HASH);
  } catch {
    return true;
  }
};

let decoyHash: Promise<string> | undefined;
/**
 * Spends the same work as a real check when the account does not exist, so the answer's timing does not
 * tell whether a mobile number or user name is registered.
 */
export async function verifyAgainstDecoy(pw: string): Promise<false> {
  decoyHash ??= hashPassword('decoy-password-never-matches');
  await argon2.verify(await decoyHash, pw).catch(() => false);
  return false;
}
