import { and, eq, inArray } from 'drizzle-orm';
import { categoryTitle, expertTaskState, reviewOrder, type Category, type ExpertRoundTasksView } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, organisations, reviewAssignments, rounds } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { asExpert, VISIBLE_TO_EXPERT } from './loadAssignment.js';
import { presentExpertRound } from './listMyRounds.js';

/**
 * The expert's tasks of one round in the expert's own order (reviewOrder seeded by the round and the
 * expert, so it differs between experts and stays the same on every reload). Before the declaration a
 * task shows only the applicant's name and category. 404 when the expert has nothing in the round.
 */
export async function listMyTasks(ctx: Pick<AppContext, 'db'>, actor: Actor, roundId: string): Promise<ExpertRoundTasksView> {
  const expert = asExpert(actor);
  if (!/^[0-9a-f-]{36}$/i.test(roundId)) throw notFound('遴选批次');
  const rows = await ctx.db
    .select({
      assignment: reviewAssignments,
      organisationName: organisations.name,
      category: applications.category,
      subType: applications.subType,
      round: rounds,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(rounds, eq(rounds.id, reviewAssignments.roundId))
    .where(and(eq(reviewAssignments.roundId, roundId), eq(reviewAssignments.expertId, expert.id), inArray(reviewAssignments.status, [...VISIBLE_TO_EXPERT])));
  const round = rows[0]?.round;
  if (!round) throw notFound('遴选批次');
  const byApplication = new Map(rows.map((r) => [r.assignment.applicationId, r]));
  const order = reviewOrder([...byApplication.keys()], round.id, expert.id);
  const items = order.map((applicationId, index) => {
    const r = byApplication.get(applicationId)!;
    const a = r.assignment;
    const state = expertTaskState(a);
    return {
      id: a.id,
      position: index + 1,
      organisationName: r.organisationName,
      category: r.category,
      subType: r.subType,
      categoryTitle: categoryTitle(r.category as Category, r.subType),
      state,
      total: state === 'submitted' ? a.total : null,
      submittedAt: state === 'submitted' ? (a.submittedAt?.toISOString() ?? null) : null,
    };
  });
  return { round: presentExpertRound(round, rows.map((r) => r.assignment)), items };
}
