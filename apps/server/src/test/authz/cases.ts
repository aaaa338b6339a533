import crypto from 'node:crypto';
import { LOGGED_IN, ROLES, type Role } from './roles.js';
import type { World } from './world.js';

export interface Req {
  url: string;
  payload?: string | object | Buffer;
  headers?: Record<string, string>;
}

/**
 * One request tried with every role. A role not named in `allow`, `blind` or `denied` must be refused:
 * 401, 403 or 404, and nothing of B's in the answer.
 */
export type Expect = 'ok' | 'reached' | 'answers';

export interface Case {
  /** Names the case when a route has several. */
  name?: string;
  /** The request; `role` only where it names the caller's own things next to B's. */
  request(w: World, role: Role): Req;
  /**
   * The positive control: roles that get through, in the order they run (after every refusal).
   * `ok` expects 2xx; `reached` expects the handler's own answer (not 401/403/404, no 5xx), for
   * requests whose success needs a state the shared data is not in (e.g. already recommended);
   * `answers` (public routes only, where nobody is refused) expects any answer below 500, for a step
   * that needs a secret (an SMS or TOTP code).
   */
  allow: Partial<Record<Role, Expect>>;
  /** Its positive controls run after all others: they take away what others need (the reopening, the recommendation). */
  late?: boolean;
  /** Roles acting within their own scope: any answer below 500, but nothing of B's. */
  blind?: Role[];
  /** Roles that must not succeed but are told so with another 4xx (a conflict): never 2xx, nothing of B's. */
  denied?: Role[];
  /** Of B's strings, those this answer shows by design. */
  reveals?(w: World): string[];
  /** The secrets of this case, instead of B's application's. */
  secrets?(w: World): string[];
  /** Allowed roles must find B's application in the answer (a list is not empty by accident). */
  sees?: boolean;
}

export const all = (expect: Expect, roles: Role[]) => Object.fromEntries(roles.map((r) => [r, expect])) as Case['allow'];
export const except = (...roles: Role[]) => ROLES.filter((r) => !roles.includes(r));
export const key = () => crypto.randomBytes(8).toString('hex');

/** Open to everyone; what is answered is the same for all. */
export const publicRoute = (request: Case['request'], extra: Partial<Case> = {}): Case => ({ request, allow: { anonymous: 'ok' }, blind: except('anonymous'), ...extra });
/** The caller's own account: anyone logged in, nobody else's data reachable. */
export const selfRoute = (request: Case['request'], expect: Expect = 'ok', extra: Partial<Case> = {}): Case => ({
  request,
  allow: { owner: expect },
  blind: LOGGED_IN.filter((r) => r !== 'owner'),
  ...extra,
});
