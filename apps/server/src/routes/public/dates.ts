/** A value with every Date replaced by its ISO string: the JSON shape of a command's result. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** Dates become ISO strings (UTC), as every response of the API sends them. */
export function isoDates<T>(value: T): Jsonified<T> {
  if (value instanceof Date) return value.toISOString() as Jsonified<T>;
  if (Array.isArray(value)) return value.map(isoDates) as Jsonified<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isoDates(v)])) as Jsonified<T>;
  }
  return value as Jsonified<T>;
}
