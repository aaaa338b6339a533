/** True when a database error (possibly wrapped by Drizzle) is a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * SQLSTATEs of input the database cannot store even though it passed validation, e.g. a NUL
 * character in text or JSON (22P05 untranslatable character, 22021 bad byte sequence): a 400 for
 * the client, never a 500.
 */
const BAD_INPUT_SQLSTATES = new Set(['22P05', '22021', '22P02', '22001', '22003']);

export function isBadInputForDatabase(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && BAD_INPUT_SQLSTATES.has(e.code)) return true;
  }
  return false;
}
