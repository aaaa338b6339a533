import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { applications, organisations, reviewAssignments, rounds } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';

/** The assignment rows an expert still sees: their own, not withdrawn by the organiser. */
export const VISIBLE_TO_EXPERT = ['assigned', 'declined'] as const;

export interface ExpertActor extends Actor {
  role: 'expert';
}

/** Narrows the actor to an expert (the route plugin already refuses other roles). */
export function asExpert(actor: Actor): ExpertActor {
  if (actor.role !== 'expert') throw notFound('评审任务');
  return actor as ExpertActor;
}

/**
 * One of the expert's own assignments with its application, organisation and round. Anything else
 * (another expert's, withdrawn, missing, malformed id) is the same 404, so nothing leaks.
 */
export async function loadAssignmentForExpert(ctx: { db: DbOrTx }, actor: Actor, id: string) {
  const expert = asExpert(actor);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('评审任务');
  const [row] = await ctx.db
    .select({ assignment: reviewAssignments, application: applications, organisation: organisations, round: rounds })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(rounds, eq(rounds.id, reviewAssignments.roundId))
    .where(and(eq(reviewAssignments.id, id), eq(reviewAssignments.expertId, expert.id), inArray(reviewAssignments.status, [...VISIBLE_TO_EXPERT])))
    .limit(1);
  if (!row) throw notFound('评审任务');
  return { ...row, expert };
}
export type LoadedAssignment = Awaited<ReturnType<typeof loadAssignmentForExpert>>;

/** The content and the score sheet open only after the expert declared no conflict, and never after declining. */
export function assertDeclared(loaded: LoadedAssignment): void {
  const a = loaded.assignment;
  if (a.status === 'declined') throw new AppError('FORBIDDEN', '您已申请回避，不能查看或评审该申报', undefined, { reason: 'DECLINED' });
  if (!a.noConflictDeclaredAt) {
    throw new AppError('FORBIDDEN', '请先声明与该申报单位无利益冲突，再查看申报材料', undefined, { reason: 'DECLARATION_REQUIRED' });
  }
}

/** Scores change only while the round has not been published. */
export function assertRoundOpenForScoring(loaded: LoadedAssignment): void {
  if (loaded.round.status === 'published') throw new AppError('STATUS_CONFLICT', '该批次评审已结束，评分不能再修改');
}
