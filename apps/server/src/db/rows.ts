/** node-postgres and PGlite both return `{ rows }` from execute(); this reads either shape. */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] };
  return Array.isArray(r.rows) ? r.rows : (result as T[]);
}
