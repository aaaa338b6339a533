import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPMethods } from 'fastify';
import { getTestServer, type TestServer } from '../testServer.js';
import { createSession, SESSION_COOKIE } from '../../services/sessions.js';
import { listenLocal } from '../tusClient.js';
import { sendAbsoluteForm } from './absoluteForm.js';
import { listRoutes } from './routeList.js';
import { responseText } from './responseText.js';
import { GATED, ROLES, type Role } from './roles.js';
import { TABLE, type Case, type Expect } from './table.js';
import { buildWorld, type World } from './world.js';

/**
 * Issue 4: every route of the app, tried by every role on region B's data. Whoever must not reach it
 * is refused (401/403/404) and learns nothing of it; whoever may, gets through (the positive control,
 * so the table cannot pass by everything answering 404). A route missing from table.ts fails here.
 */

const REFUSED = [401, 403, 404];
/** The built web app's files (present only after a web build) are public and carry no data. */
const isWebApp = (route: string) => !route.split(' ')[1]!.startsWith('/api');

interface Cell {
  route: string;
  c: Case;
  role: Role;
}

let t: TestServer;
let w: World;
let routes: string[];
let base: string;
let address = 0;

beforeAll(async () => {
  t = await getTestServer();
  w = await buildWorld(t);
  routes = listRoutes(t.app);
  base = await listenLocal(t.app);
}, 120_000);
afterAll(() => t?.close());

function casesOf(route: string): Case[] {
  const entry = TABLE[route]!;
  return Array.isArray(entry) ? entry : [entry];
}

const label = ({ route, c, role }: Cell) => `${route}${c.name ? ` [${c.name}]` : ''} as ${role}`;

/** A fresh session per request: a logout in the table ends only its own. */
async function cookieOf(role: Role): Promise<string | undefined> {
  return role === 'anonymous' ? undefined : `${SESSION_COOKIE}=${await createSession(t.ctx.db, w.userIds[role], 1, t.ctx.now())}`;
}

/** One request as the role, from its own address (login limits count per address). */
async function call({ route, c, role }: Cell) {
  const [method] = route.split(' ') as [HTTPMethods, string];
  const req = c.request(w, role);
  const cookie = await cookieOf(role);
  address++;
  const res = await t.app.inject({
    method,
    url: req.url,
    payload: req.payload,
    headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
    remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
  });
  const text = await responseText(res);
  return { res, text };
}

function leaked(cell: Cell, text: string): string[] {
  const shown = new Set(cell.c.reveals?.(w) ?? []);
  return (cell.c.secrets?.(w) ?? w.secrets).filter((s) => !shown.has(s) && text.includes(s));
}

/** The same request over a socket with an absolute-form target (see absoluteForm.ts). */
async function callAbsolute({ route, c, role }: Cell) {
  const req = c.request(w, role);
  return sendAbsoluteForm(base, route.split(' ')[0]!, req.url, { ...req.headers, ...t.csrfHeaders(await cookieOf(role)) }, req.payload);
}

const expectationOf = (c: Case, role: Role) => c.allow[role] ?? (c.blind?.includes(role) ? 'blind' : c.denied?.includes(role) ? 'denied' : 'refused');

describe('authorization: every route × every role on region B’s data', () => {
  it('classifies every route of the app in table.ts', () => {
    const unclassified = routes.filter((r) => !isWebApp(r) && !(r in TABLE));
    expect(unclassified, `routes not classified in src/test/authz/table.ts: ${unclassified.join(', ')}`).toEqual([]);
    const gone = Object.keys(TABLE).filter((r) => !routes.includes(r));
    expect(gone, `table.ts lists routes the app no longer has: ${gone.join(', ')}`).toEqual([]);
    for (const route of Object.keys(TABLE)) {
      for (const c of casesOf(route)) expect(Object.keys(c.allow).length, `${route}: no role is allowed, so nothing proves the request works`).toBeGreaterThan(0);
    }
  });

  it('refuses every role that must not reach B’s data, and tells it nothing', async () => {
    const failures: string[] = [];
    for (const route of Object.keys(TABLE)) {
      for (const c of casesOf(route)) {
        // The roles of one request at once (PDF, XLSX and password work overlap); their checks in order.
        const cells = ROLES.filter((role) => !c.allow[role]).map((role) => ({ route, c, role }));
        const answers = await Promise.all(cells.map(call));
        for (const [i, cell] of cells.entries()) {
          const { role } = cell;
          const expected = expectationOf(c, role);
          const { res, text } = answers[i]!;
          const status = res.statusCode;
          const secrets = leaked(cell, text);
          // The gate's code, where there is a body to carry it.
          const gatedPath = GATED.includes(role) && !route.includes(' /api/auth/') && !route.startsWith('HEAD ');
          if (status >= 500) failures.push(`${label(cell)}: ${status} ${res.body.slice(0, 200)}`);
          else if (secrets.length) failures.push(`${label(cell)}: ${status}, answer shows B's ${secrets.join(', ')}`);
          else if (expected === 'denied' && status < 400) failures.push(`${label(cell)}: expected a refusal, got ${status}`);
          else if (expected === 'refused' && !REFUSED.includes(status)) failures.push(`${label(cell)}: expected 401/403/404, got ${status} ${res.body.slice(0, 200)}`);
          else if (expected === 'refused' && role === 'anonymous' && status !== 401) failures.push(`${label(cell)}: anonymous expected 401, got ${status}`);
          else if (expected === 'refused' && gatedPath && !/FIRST_LOGIN_REQUIRED|TOTP_REQUIRED/.test(res.body)) failures.push(`${label(cell)}: expected the account's gate, got ${status} ${res.body.slice(0, 200)}`);
          // The gates must hold whatever form the request target takes.
          if (expected === 'refused' && GATED.includes(role) && !route.includes(' /api/auth/')) {
            const abs = await callAbsolute(cell);
            const gate = route.startsWith('HEAD ') ? abs.status === 403 : /FIRST_LOGIN_REQUIRED|TOTP_REQUIRED/.test(abs.body);
            if (!gate) failures.push(`${label(cell)}, absolute-form target: expected the account's gate, got ${abs.status} ${abs.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('lets the allowed roles through on the same requests (positive controls)', async () => {
    // Reads first, then writes, deletions last: a write of one control must not take another's data away.
    const order = (route: string) => ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'].indexOf(route.split(' ')[0]!);
    const cases = Object.keys(TABLE)
      .flatMap((route) => casesOf(route).map((c) => ({ route, c })))
      .sort((a, b) => Number(!!a.c.late) - Number(!!b.c.late) || order(a.route) - order(b.route));
    const failures: string[] = [];
    for (const { route, c } of cases) {
      for (const [role, expected] of Object.entries(c.allow) as [Role, Expect][]) {
        const cell = { route, c, role };
        const { res, text } = await call(cell);
        const status = res.statusCode;
        if (expected === 'ok' && (status < 200 || status > 299)) failures.push(`${label(cell)}: expected 2xx, got ${status} ${res.body.slice(0, 200)}`);
        else if (expected === 'answers' && status >= 500) failures.push(`${label(cell)}: ${status} ${res.body.slice(0, 200)}`);
        else if (expected === 'reached' && (status >= 500 || REFUSED.includes(status))) failures.push(`${label(cell)}: expected to reach the handler, got ${status} ${res.body.slice(0, 200)}`);
        else if (c.sees && !(c.secrets?.(w) ?? w.secrets).some((s) => text.includes(s))) failures.push(`${label(cell)}: ${status}, but B's data is not in the answer`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
