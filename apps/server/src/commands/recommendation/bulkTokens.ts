import crypto from 'node:crypto';

export const BULK_ACTIONS = ['recommend', 'unrecommend', 'check-pass'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** What a preview showed and the commit may carry out. */
export interface BulkPlan {
  actorId: string;
  roundId: string;
  action: BulkAction;
  /** The applications the preview found doable; the commit does all of them or none. */
  ids: string[];
  /** How many selected ones the preview left out for a problem (reported as `failed`). */
  leftOut: number;
  expiresAt: Date;
}

export const BULK_TOKEN_MINUTES = 10;

/**
 * Preview tokens live in this process's memory, per app context and actor. That is enough for one
 * server instance; several instances behind a balancer would need a table (or sticky sessions).
 */
const stores = new WeakMap<object, Map<string, Map<string, BulkPlan>>>();

function storeOf(owner: object, actorId: string): Map<string, BulkPlan> {
  let byActor = stores.get(owner);
  if (!byActor) stores.set(owner, (byActor = new Map()));
  let tokens = byActor.get(actorId);
  if (!tokens) byActor.set(actorId, (tokens = new Map()));
  return tokens;
}

function dropExpired(tokens: Map<string, BulkPlan>, now: Date): void {
  for (const [token, plan] of tokens) if (plan.expiresAt <= now) tokens.delete(token);
}

export function issueBulkToken(owner: object, plan: Omit<BulkPlan, 'expiresAt'>, now: Date): string {
  const tokens = storeOf(owner, plan.actorId);
  dropExpired(tokens, now);
  const token = crypto.randomBytes(24).toString('base64url');
  tokens.set(token, { ...plan, expiresAt: new Date(now.getTime() + BULK_TOKEN_MINUTES * 60_000) });
  return token;
}

/** Takes the token out (single use): the plan when it belongs to the actor and has not expired. */
export function takeBulkToken(owner: object, actorId: string, token: string, now: Date): BulkPlan | null {
  const tokens = storeOf(owner, actorId);
  const plan = tokens.get(token) ?? null;
  tokens.delete(token);
  dropExpired(tokens, now);
  return plan && plan.expiresAt > now ? plan : null;
}
