import crypto from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { usedAuthTokens } from '../../db/schema/index.js';
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

export function issueLoginTicket(ctx: AppContext, userId: string): string {
  const body: TicketBody = { u: userId, n: crypto.randomBytes(16).toString('base64url'), e: Math.floor(ctx.now().getTime() / 1000) + TICKET_TTL_SECONDS };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${sign(ctx, payload)}`;
}

const expired = () => new AppError('UNAUTHENTICATED', '登录已超时，请重新输入账号和密码');

/** The ticket's user and nonce; refuses a forged, expired or already used ticket. */
export async function readLoginTicket(ctx: AppContext, ticket: string): Promise<{ userId: string; nonce: string; expiresAt: number }> {
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
  if (body.e <= ctx.now().getTime() / 1000) throw expired();
  const [used] = await ctx.db
    .select({ key: usedAuthTokens.key })
    .from(usedAuthTokens)
    .where(and(eq(usedAuthTokens.kind, 'ticket'), eq(usedAuthTokens.key, body.n)))
    .limit(1);
  if (used) throw expired();
  return { userId: body.u, nonce: body.n, expiresAt: body.e };
}

/**
 * Marks the ticket used in the database, where every instance looks; false when another request (on
 * any instance) used it first. Rows of tickets that have expired anyway are cleared on the way.
 */
export async function consumeLoginTicket(ctx: AppContext, nonce: string, expiresAt: number): Promise<boolean> {
  const now = ctx.now();
  await ctx.db.delete(usedAuthTokens).where(lt(usedAuthTokens.expiresAt, now));
  const inserted = await ctx.db
    .insert(usedAuthTokens)
    .values({ kind: 'ticket', key: nonce, expiresAt: new Date(expiresAt * 1000) })
    .onConflictDoNothing()
    .returning({ key: usedAuthTokens.key });
  return inserted.length > 0;
}
