import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';

/** Between the password and the second factor: a signed, short-lived, single-use ticket. */
export const TICKET_TTL_SECONDS = 300;

interface TicketBody {
  /** user id */
  u: string;
  /** random nonce, recorded when the ticket is used */
  n: string;
  /** expiry, unix seconds */
  e: number;
}

// Derived from the configured blind-index key (keyed SM3), so every instance signs and checks alike.
const keyOf = (ctx: AppContext) => ctx.personalData.blindIndex('fw-login-ticket-v1');
const sign = (ctx: AppContext, payload: string) => crypto.createHmac('sha256', keyOf(ctx)).update(payload).digest('base64url');

/** Nonces of used tickets until they would have expired anyway. */
const usedNonces = new Map<string, number>();

export function issueLoginTicket(ctx: AppContext, userId: string): string {
  const body: TicketBody = { u: userId, n: crypto.randomBytes(16).toString('base64url'), e: Math.floor(ctx.now().getTime() / 1000) + TICKET_TTL_SECONDS };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${sign(ctx, payload)}`;
}

const expired = () => new AppError('UNAUTHENTICATED', '登录已超时，请重新输入账号和密码');

/** The ticket's user and nonce; refuses a forged, expired or already used ticket. */
export function readLoginTicket(ctx: AppContext, ticket: string): { userId: string; nonce: string; expiresAt: number } {
  const [payload, sig] = ticket.split('.');
  if (!payload || !sig) throw expired();
  const expected = Buffer.from(sign(ctx, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) throw expired();
  let body: TicketBody;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TicketBody;
  } catch {
    throw expired();
  }
  if (typeof body.u !== 'string' || typeof body.n !== 'string' || typeof body.e !== 'number') throw expired();
  if (body.e <= ctx.now().getTime() / 1000 || usedNonces.has(body.n)) throw expired();
  return { userId: body.u, nonce: body.n, expiresAt: body.e };
}

/** Marks the ticket used; false when another request used it first. */
export function consumeLoginTicket(ctx: AppContext, nonce: string, expiresAt: number): boolean {
  const nowSec = ctx.now().getTime() / 1000;
  for (const [n, e] of usedNonces) if (e <= nowSec) usedNonces.delete(n);
  if (usedNonces.has(nonce)) return false;
  usedNonces.set(nonce, expiresAt);
  return true;
}
