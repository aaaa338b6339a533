import fc from 'fast-check';

/** The subset of JSON Schema that the OpenAPI document of our zod contracts uses. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

/** Values that have broken servers before: injections, odd Unicode, huge and boundary numbers, prototype keys. */
export const nastyValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  "'); SELECT pg_sleep(1); --",
  '\u0000',
  '%00',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '𠮷'.repeat(300),
  'x'.repeat(20_000),
  '\ud800',
  '__proto__',
  'constructor',
  '1e999',
  'NaN',
  '',
  ' ',
  -1,
  0,
  2 ** 31,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_VALUE,
  1.5,
  true,
  null,
  [],
  {},
  JSON.parse('{"__proto__":{"admin":true}}') as unknown,
  [[[[[[[[[[[]]]]]]]]]]],
);

/** Real ids of the fuzzed world (an application, a file, a round …), so some requests reach past the 404. */
export interface IdPool {
  uuids: string[];
  numbers: string[];
}

/**
 * Values near the schema: mostly valid shapes (real ids for uuids, strings matching patterns, enums,
 * bounds), with any part replaced now and then by a nasty value or arbitrary JSON, or left out.
 */
export function nearValid(schema: JsonSchema | undefined, ids: IdPool, depth = 0): fc.Arbitrary<unknown> {
  const valid = validish(schema ?? {}, ids, depth);
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: nastyValue }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}

function validish(s: JsonSchema, ids: IdPool, depth: number): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => nearValid(a, ids, depth + 1)));
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const orNull = <T>(a: fc.Arbitrary<T>) => (s.nullable || (Array.isArray(s.type) && s.type.includes('null')) ? fc.option(a) : a);
  switch (type) {
    case 'string':
      return orNull(stringFor(s, ids));
    case 'integer':
    case 'number': {
      const min = s.minimum ?? -1e6;
      const max = Math.min(s.maximum ?? 1e6, 1e9);
      const inRange = type === 'integer' ? fc.integer({ min: Math.max(min, -1e9), max }) : fc.double({ min, max, noNaN: true });
      return orNull(fc.oneof(inRange, fc.constantFrom(min - 1, max + 1, min, max)));
    }
    case 'boolean':
      return orNull(fc.boolean());
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const item = nearValid(s.items, ids, depth + 1);
      return orNull(fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) }));
    }
    case 'object':
    default: {
      if (!s.properties && type !== 'object') return fc.jsonValue({ maxDepth: 2 });
      if (depth > 4) return fc.constant({});
      const required = new Set(s.required ?? []);
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) props[k] = nearValid(v, ids, depth + 1);
      const keys = Object.keys(props);
      const record = fc.record(props, { requiredKeys: keys.filter((k) => required.has(k)) });
      const extra =
        s.additionalProperties && typeof s.additionalProperties === 'object'
          ? fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype', '')), nearValid(s.additionalProperties, ids, depth + 1), { maxKeys: 6 })
          : fc.constant({});
      // Sometimes a required key goes missing; the server must answer 400, not crash.
      const dropOne = fc.option(fc.constantFrom(...(keys.length ? keys : [''])), { freq: 4 });
      return orNull(
        fc.tuple(record, extra, dropOne).map(([r, e, drop]) => {
          const out: Record<string, unknown> = { ...e, ...r };
          if (drop) delete out[drop];
          return out;
        }),
      );
    }
  }
}

function stringFor(s: JsonSchema, ids: IdPool): fc.Arbitrary<string> {
  const maxLength = Math.min(s.maxLength ?? 80, 200);
  const plain = fc.string({ minLength: s.minLength ?? 0, maxLength, unit: 'grapheme' });
  const options: fc.Arbitrary<string>[] = [plain, fc.string({ maxLength: maxLength + 5 })];
  if (s.format === 'uuid' && ids.uuids.length) options.push(fc.constantFrom(...ids.uuids), fc.uuid());
  else if (s.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= 500));
    } catch {
      // A pattern fast-check cannot generate from: plain strings still probe the route.
    }
  }
  if (s.format === 'date-time') options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  if (ids.numbers.length) options.push(fc.constantFrom(...ids.numbers));
  return fc.oneof(...options);
}
