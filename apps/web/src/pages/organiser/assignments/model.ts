import type { AssignmentListResponse, AssignmentRow, ReviewAssignmentState } from '@fw/shared';

export type ListApplication = AssignmentListResponse['applications'][number];
export type ListExpert = AssignmentListResponse['experts'][number];

/** States in which the expert holds the application. */
export const HOLDING: readonly ReviewAssignmentState[] = ['assigned', 'started', 'scored'];

export const STATE_COLORS: Record<ReviewAssignmentState, string> = {
  assigned: 'blue',
  started: 'cyan',
  scored: 'green',
  declined: 'orange',
  withdrawn: 'default',
};

export interface ApplicationRow extends ListApplication {
  rows: (AssignmentRow & { expert: ListExpert | undefined })[];
  /** Holding assignments below the round's number. */
  short: number;
}

export interface ExpertRow extends ListExpert {
  rows: (AssignmentRow & { application: ListApplication | undefined })[];
  counts: Record<ReviewAssignmentState, number>;
}

const stateOrder = (s: ReviewAssignmentState) => ['scored', 'started', 'assigned', 'declined', 'withdrawn'].indexOf(s);

/** The list joined per application: its experts in state order (holding first), and how many are missing. */
export function byApplication(list: AssignmentListResponse): ApplicationRow[] {
  const experts = new Map(list.experts.map((e) => [e.id, e]));
  const rows = new Map<string, ApplicationRow['rows']>();
  for (const a of list.assignments) {
    const bucket = rows.get(a.applicationId) ?? [];
    bucket.push({ ...a, expert: experts.get(a.expertId) });
    rows.set(a.applicationId, bucket);
  }
  return list.applications.map((app) => {
    const mine = (rows.get(app.id) ?? []).sort((x, y) => stateOrder(x.state) - stateOrder(y.state));
    return { ...app, rows: mine, short: Math.max(0, app.needed - app.active) };
  });
}

/** The list joined per expert, with counts by state. */
export function byExpert(list: AssignmentListResponse): ExpertRow[] {
  const apps = new Map(list.applications.map((a) => [a.id, a]));
  const out = new Map<string, ExpertRow>(
    list.experts.map((e) => [e.id, { ...e, rows: [], counts: { assigned: 0, started: 0, scored: 0, declined: 0, withdrawn: 0 } }]),
  );
  for (const a of list.assignments) {
    const expert = out.get(a.expertId);
    if (!expert) continue;
    expert.rows.push({ ...a, application: apps.get(a.applicationId) });
    expert.counts[a.state]++;
  }
  return [...out.values()];
}

/** Applications still short of experts first, then by number. */
export function sortForWork(rows: ApplicationRow[]): ApplicationRow[] {
  return [...rows].sort((a, b) => Number(b.short > 0) - Number(a.short > 0) || (a.number ?? '').localeCompare(b.number ?? ''));
}
