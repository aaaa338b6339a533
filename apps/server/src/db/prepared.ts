const byDatabase = new WeakMap<object, Map<string, unknown>>();

/**
 * A statement of the hot paths (every request's session, every autosave's load), built once per
 * database and prepared under its name: Drizzle skips building the SQL again, and PostgreSQL parses
 * and plans it once per connection. Values go in as `sql.placeholder(...)`.
 */
export function prepared<D extends object, T>(db: D, name: string, build: (db: D) => T): T {
  let statements = byDatabase.get(db);
  if (!statements) byDatabase.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (!statement) statements.set(name, (statement = build(db)));
  return statement;
}
