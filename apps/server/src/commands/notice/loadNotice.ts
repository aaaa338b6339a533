import { eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { objections, publicNotices, rounds } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { isOrganiserOf, loadRoundForOrganiser, type RoundRow } from '../../policies/organiser.js';

export type NoticeRow = typeof publicNotices.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;

export async function noticeOfRound(db: DbOrTx, roundId: string): Promise<NoticeRow | null> {
  const [n] = await db.select().from(publicNotices).where(eq(publicNotices.roundId, roundId)).limit(1);
  return n ?? null;
}

/** The round the actor organises and its notice (null before one is created); 404 for everyone else. */
export async function loadNoticeForOrganiser(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: RoundRow; notice: NoticeRow | null }> {
  const round = await loadRoundForOrganiser(ctx, actor, roundId);
  return { round, notice: await noticeOfRound(ctx.db, round.id) };
}

/** Like loadNoticeForOrganiser, for commands that need the notice to exist. */
export async function requireNoticeForOrganiser(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: RoundRow; notice: NoticeRow }> {
  const { round, notice } = await loadNoticeForOrganiser(ctx, actor, roundId);
  if (!notice) throw notFound('公示');
  return { round, notice };
}

/** An objection of a notice of a round the actor organises; 404 for missing and foreign alike. */
export async function loadObjectionForOrganiser(ctx: AppContext, actor: Actor, objectionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(objectionId)) throw notFound('异议');
  const [row] = await ctx.db
    .select({ objection: objections, notice: publicNotices, round: rounds })
    .from(objections)
    .innerJoin(publicNotices, eq(publicNotices.id, objections.noticeId))
    .innerJoin(rounds, eq(rounds.id, publicNotices.roundId))
    .where(eq(objections.id, objectionId))
    .limit(1);
  if (!row || !isOrganiserOf(actor, row.round)) throw notFound('异议');
  return row;
}
