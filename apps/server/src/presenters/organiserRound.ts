import type { OrganiserRoundView } from '@fw/shared';
import type { rounds } from '../db/schema/index.js';
import { configLockReason } from '../commands/rounds/roundLocks.js';
import { roundNextStep } from '../commands/rounds/nextStep.js';

type RoundRow = typeof rounds.$inferSelect;

/** A round as its organiser sees it: settings, counts, what is locked and the next step with its blocker. */
export function presentOrganiserRound(round: RoundRow, extra: { started: number; submitted: number; organiserName: string | null; now: Date }): OrganiserRoundView {
  return {
    id: round.id,
    code: round.code,
    name: round.name,
    year: round.year,
    status: round.status,
    organiserRegion: round.organiserRegion,
    organiserName: extra.organiserName,
    fillingOpensAt: round.fillingOpensAt.toISOString(),
    fillingClosesAt: round.fillingClosesAt.toISOString(),
    config: round.config,
    createdAt: round.createdAt.toISOString(),
    started: extra.started,
    submitted: extra.submitted,
    configLock: configLockReason(extra.started),
    next: roundNextStep(round, extra.now),
  };
}
