import { nextStatus, type ApplicantAction, type ApplicationStatus } from '@fw/shared';
import type { LoadedApplication } from '../db/queries/applications.js';
import { AppError } from '../errors.js';

/**
 * Whether the applicant may act on its application now: the status must allow the action and the
 * round's filling period must be open by the server clock. `graceStartedAt` lets a submit through
 * during the round's grace minutes when its upload began before the deadline.
 */
export function applicantMay(loaded: LoadedApplication, action: ApplicantAction, now: Date, graceStartedAt?: Date): { ok: true } | { ok: false; error: AppError } {
  const { application, round } = loaded;
  if (!nextStatus(application.status as ApplicationStatus, action)) {
    return { ok: false, error: new AppError('STATUS_CONFLICT', '当前状态不允许此操作') };
  }
  if (now < round.fillingOpensAt) return { ok: false, error: new AppError('DEADLINE_PASSED', '本批次尚未开始填报') };
  if (now > round.fillingClosesAt) {
    const graceMs = (round.config.submitGraceMinutes ?? 0) * 60_000;
    const inGrace = action === 'submit' && graceStartedAt && graceStartedAt <= round.fillingClosesAt && now.getTime() <= round.fillingClosesAt.getTime() + graceMs;
    if (!inGrace) return { ok: false, error: new AppError('DEADLINE_PASSED', '本批次填报已截止，不能再修改或提交') };
  }
  return { ok: true };
}

export function assertApplicantMay(loaded: LoadedApplication, action: ApplicantAction, now: Date, graceStartedAt?: Date): void {
  const r = applicantMay(loaded, action, now, graceStartedAt);
  if (!r.ok) throw r.error;
}
