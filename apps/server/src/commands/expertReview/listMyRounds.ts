import { and, asc, eq, inArray } from 'drizzle-orm';
import { expertTaskState, type ExpertRoundView } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { reviewAssignments, rounds } from '../../db/schema/index.js';
import { asExpert, VISIBLE_TO_EXPERT } from './loadAssignment.js';

type RoundRow = typeof rounds.$inferSelect;
type StateRow = Parameters<typeof expertTaskState>[0];

/** Counts per state; declined tasks are not part of the work to do. */
export function progressOf(rows: StateRow[]): ExpertRoundView['progress'] {
  const p = { total: 0, submitted: 0, toDeclare: 0, reviewing: 0, declined: 0 };
  for (const row of rows) {
    const state = expertTaskState(row);
    p[state] += 1;
    if (state !== 'declined') p.total += 1;
  }
  return p;
}

export function presentExpertRound(round: RoundRow, rows: StateRow[]): ExpertRoundView {
  return { id: round.id, code: round.code, name: round.name, year: round.year, status: round.status, progress: progressOf(rows) };
}

/** The rounds in which the expert has (or had, then declined) applications to review. */
export async function listMyRounds(ctx: Pick<AppContext, 'db'>, actor: Actor): Promise<ExpertRoundView[]> {
  const expert = asExpert(actor);
  const rows = await ctx.db
    .select({ round: rounds, status: reviewAssignments.status, noConflictDeclaredAt: reviewAssignments.noConflictDeclaredAt, submittedAt: reviewAssignments.submittedAt })
    .from(reviewAssignments)
    .innerJoin(rounds, eq(rounds.id, reviewAssignments.roundId))
    .where(and(eq(reviewAssignments.expertId, expert.id), inArray(reviewAssignments.status, [...VISIBLE_TO_EXPERT])))
    .orderBy(asc(rounds.createdAt));
  const byRound = new Map<string, { round: RoundRow; rows: StateRow[] }>();
  for (const r of rows) {
    const entry = byRound.get(r.round.id) ?? { round: r.round, rows: [] };
    entry.rows.push(r);
    byRound.set(r.round.id, entry);
  }
  // Newest round first: that is where the current work is.
  return [...byRound.values()].reverse().map((e) => presentExpertRound(e.round, e.rows));
}
