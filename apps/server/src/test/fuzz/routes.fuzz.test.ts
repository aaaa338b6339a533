import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestServer, type TestServer } from '../testServer.js';
import { makeApplication, makeAuthority, makeFile, makeSubmittedApplication } from '../factories.js';
import { users } from '../../db/schema/index.js';
import { createSession, SESSION_COOKIE } from '../../services/sessions.js';
import { nearValid, type IdPool, type JsonSchema } from './schemaArbitrary.js';
import { openApiOperations, type Operation } from './openApiOperations.js';

/**
 * Property-based fuzzing of every JSON route in the OpenAPI document, as an anonymous visitor, an
 * applicant and an authority: whatever the path parameters, query and body, the answer is never a
 * 5xx and never shows a stack trace or an internal detail. The whole file stays within about a minute.
 */

/** FUZZ_BUDGET_MS and FUZZ_SEED allow a longer or a repeated run by hand. */
const TOTAL_BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 30_000);
/** tus speaks its own binary protocol (tested in routes/uploads); the dev outbox exists only in development. */
const SKIPPED = [/^\/api\/uploads/, /^\/api\/dev\//];

/** What must never reach a client: stack frames, source paths, library and database error texts. */
const INTERNAL_DETAIL = [
  /\bat [\w.<>]+ \(/,
  /\(?(file:\/\/|\/work\/|\/src\/)[^\s]*:\d+:\d+/,
  /node_modules/,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|ZodError|DrizzleError|PGlite|DatabaseError)\b/,
  /syntax error at or near|violates (foreign key|unique|check|not-null) constraint|relation "[^"]+" does not exist|invalid input syntax for/i,
  /Failed query:|\bselect\s+"[a-z_]+"\./i,
];

type Actor = 'anonymous' | 'applicant' | 'authority';

let t: TestServer;
let ops: Operation[];
const ids: IdPool = { uuids: [], numbers: [] };
const userIds: Partial<Record<Actor, string>> = {};

beforeAll(async () => {
  t = await getTestServer();
  const mine = await makeApplication(t.ctx, { regionCode: '440305' });
  const file = await makeFile(t.ctx, mine.application.id, { slot: 'supporting' });
  const submitted = await makeSubmittedApplication(t.ctx, { regionCode: '440305' });
  const city = await makeAuthority(t.ctx, '440300');
  // The fuzzed authority has its second factor, so its requests reach the routes behind that gate.
  await t.ctx.db.update(users).set({ totpEnabledAt: t.ctx.now() }).where(eq(users.id, city.user.id));
  userIds.applicant = mine.applicant.user.id;
  userIds.authority = city.user.id;
  ids.uuids = [mine.application.id, file.id, mine.application.roundId, submitted.application.id, submitted.application.roundId, city.user.id, '00000000-0000-0000-0000-000000000000'];
  ids.numbers = [submitted.number];
  const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  ops = openApiOperations(doc.json()).filter((o) => !SKIPPED.some((re) => re.test(o.path)));
});
afterAll(() => t?.close());

/** A fresh session per run: a fuzzed logout or logout-all must not turn later runs anonymous. */
async function cookieFor(actor: Actor): Promise<string | undefined> {
  const userId = userIds[actor];
  if (!userId) return undefined;
  return `${SESSION_COOKIE}=${await createSession(t.ctx.db, userId, 1, t.ctx.now())}`;
}

interface FuzzRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** Now and then the body is not JSON at all, though labelled so. */
  rawBody: string | null;
}

function requestArbitrary(op: Operation): fc.Arbitrary<FuzzRequest> {
  const paramArb = (list: { name: string; schema?: JsonSchema }[]) => fc.record(Object.fromEntries(list.map((p) => [p.name, nearValid(p.schema, ids)])));
  const arbitraryRecord = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 });
  return fc.record({
    params: paramArb(op.pathParams),
    query: fc.oneof({ weight: 4, arbitrary: paramArb(op.queryParams) }, { weight: 1, arbitrary: arbitraryRecord }),
    body: fc.oneof({ weight: 4, arbitrary: nearValid(op.body, ids) }, { weight: 1, arbitrary: fc.jsonValue() }),
    rawBody: fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{', '{"a":', '[1,2', 'null', '"\\ud800"', '{"__proto__":{"x":1}}')), { freq: 8 }),
  });
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

function buildUrl(op: Operation, r: FuzzRequest): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(asText(r.params[name])) || '%20');
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, asText(item));
  }
  const q = qs.toString();
  return q ? `${path}?${q}` : path;
}

interface Finding {
  actor: Actor;
  route: string;
  url: string;
  status: number;
  body: string;
}

async function send(op: Operation, actor: Actor, r: FuzzRequest): Promise<Finding | null> {
  const url = buildUrl(op, r);
  const cookie = await cookieFor(actor);
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(op.method) || r.rawBody !== null;
  const res = await t.app.inject({
    method: op.method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { payload: r.rawBody ?? JSON.stringify(r.body ?? null) } : {}),
  });
  const text = res.headers['content-type']?.toString().includes('json') || res.statusCode >= 400 ? res.body : '';
  const leak = INTERNAL_DETAIL.find((re) => re.test(text));
  if (res.statusCode >= 500 || leak) return { actor, route: `${op.method} ${op.path}`, url: url.slice(0, 300), status: res.statusCode, body: text.slice(0, 300) };
  return null;
}

describe('fuzzing every JSON route', () => {
  it('never answers 5xx nor shows internal details, as anonymous, applicant and authority', async () => {
    expect(ops.length).toBeGreaterThan(40);
    const actors: Actor[] = ['anonymous', 'applicant', 'authority'];
    const perRunMs = Math.floor(TOTAL_BUDGET_MS / (ops.length * actors.length));
    const findings: Finding[] = [];
    let requests = 0;
    for (const op of ops) {
      for (const actor of actors) {
        let found: Finding | null = null;
        await fc.assert(
          fc.asyncProperty(requestArbitrary(op), async (r) => {
            requests++;
            found = await send(op, actor, r);
            return found === null;
          }),
          // The first failure per route and actor is enough; shrinking would spend the time budget.
          { numRuns: Number(process.env.FUZZ_RUNS ?? 40), interruptAfterTimeLimit: perRunMs, markInterruptAsFailure: false, endOnFailure: true, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 1e9) },
        ).catch(() => undefined);
        if (found) findings.push(found);
      }
    }
    if (process.env.FUZZ_VERBOSE) process.stdout.write(`fuzz: ${requests} requests over ${ops.length} routes × ${actors.length} actors\n`);
    expect(requests).toBeGreaterThan(ops.length * actors.length * 3);
    expect(findings).toEqual([]);
  }, TOTAL_BUDGET_MS + 60_000);
});

describe('NUL characters in text input', () => {
  // PostgreSQL refuses U+0000 (error 22021 in text, 22P05 in jsonb); the error handler answers 400.
  it('answers 400, not 500, to a NUL character in a query, a path or a body', async () => {
    const applicant = await cookieFor('applicant');
    const authority = await cookieFor('authority');
    const probes = [
      { method: 'GET' as const, url: '/api/verify/%00', cookie: undefined },
      { method: 'GET' as const, url: '/api/registry/lookup?q=%00abc', cookie: applicant },
      { method: 'GET' as const, url: `/api/authority/rounds/${ids.uuids[4]}/applications?keyword=%00`, cookie: authority },
      { method: 'POST' as const, url: '/api/auth/login', cookie: undefined, payload: { login: 'a\u0000b', password: 'x' } },
    ];
    for (const p of probes) {
      // A fresh address: the fuzzing above used up this address's rate limits.
      const headers = { 'x-forwarded-for': '10.99.0.1', ...(p.cookie ? { cookie: p.cookie } : {}) };
      const res = await t.app.inject({ method: p.method, url: p.url, headers, ...(p.payload ? { payload: p.payload } : {}) });
      expect(res.statusCode, `${p.method} ${p.url}`).toBe(400);
    }
  });
});
