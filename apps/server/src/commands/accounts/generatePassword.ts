import crypto from 'node:crypto';
import { passwordProblem } from '@fw/shared';

// No look-alike characters (0/O, 1/l/I): the password is read off a screen or a printed list.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

const pick = (set: string) => set[crypto.randomInt(set.length)]!;

/** A random one-time password of 12 characters holding every character class, so it meets the policy. */
export function generatePassword(length = 12): string {
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < length) chars.push(pick(ALL));
    // Fisher–Yates with a CSPRNG, so the class positions are not predictable.
    for (let i = chars.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const pw = chars.join('');
    if (!passwordProblem(pw)) return pw;
  }
}
