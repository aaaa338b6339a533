import { formSpecFor, nextStatus, sectionOf, type ApplicantAction, type ApplicationStatus, type Category } from '@fw/shared';
import type { LoadedApplication } from '../db/queries/applications.js';
import { AppError } from '../errors.js';

export interface ApplicantTarget {
  /** When a submit may use the grace period: its upload began at this moment. */
  graceStartedAt?: Date;
  /** The form fields a save changes (checked against a reopening's scope). */
  fields?: string[];
  /** The upload slot an upload or delete touches. */
  slot?: string;
}

type Verdict = { ok: true } | { ok: false; error: AppError };

/**
 * Whether the applicant may act on its application now. The status must allow the action. While an
 * authority's reopening is in force, exactly what it opened may change (whatever the deadline or the
 * region's closing). Otherwise the region must not be closed and the round's filling period must be
 * open by the server clock, with grace for a submit whose upload began before the deadline.
 */
export function applicantMay(loaded: LoadedApplication, action: ApplicantAction, now: Date, target: ApplicantTarget = {}): Verdict {
  const { application, round, reopening } = loaded;
  if (!nextStatus(application.status as ApplicationStatus, action)) {
    return { ok: false, error: new AppError('STATUS_CONFLICT', '当前状态不允许此操作') };
  }
  if (reopening) return withinReopening(loaded, action, target);
  if (loaded.closed) return { ok: false, error: new AppError('DEADLINE_PASSED', '本地区已截止申报，不能再修改或提交；如需修改，请联系主管部门') };
  if (now < round.fillingOpensAt) return { ok: false, error: new AppError('DEADLINE_PASSED', '本批次尚未开始填报') };
  if (now > round.fillingClosesAt) {
    const graceMs = (round.config.submitGraceMinutes ?? 0) * 60_000;
    const started = target.graceStartedAt;
    const inGrace = action === 'submit' && started && started <= round.fillingClosesAt && now.getTime() <= round.fillingClosesAt.getTime() + graceMs;
    if (!inGrace) return { ok: false, error: new AppError('DEADLINE_PASSED', '本批次填报已截止，不能再修改或提交') };
  }
  return { ok: true };
}

function withinReopening(loaded: LoadedApplication, action: ApplicantAction, target: ApplicantTarget): Verdict {
  const scope = loaded.reopening!.scope;
  if (scope.whole || action === 'submit') return { ok: true };
  const refused = (what: string) => ({ ok: false as const, error: new AppError('FORBIDDEN', `主管部门仅开放了部分内容的修改，${what}不在开放范围内`) });
  if (action === 'save') {
    const spec = formSpecFor(loaded.application.category as Category, loaded.round.config.formVersion);
    for (const key of target.fields ?? []) {
      const section = sectionOf(spec, key)?.key;
      if (!section || !scope.sections.includes(section)) return refused(`“${key}”`);
    }
    // Without named fields (e.g. the edit button), say yes when anything of the form is open.
    return target.fields || scope.sections.length ? { ok: true } : refused('申报表');
  }
  if (target.slot) return scope.slots.includes(target.slot) ? { ok: true } : refused('该上传栏目');
  return scope.slots.length ? { ok: true } : refused('上传材料');
}

export function assertApplicantMay(loaded: LoadedApplication, action: ApplicantAction, now: Date, target: ApplicantTarget = {}): void {
  const r = applicantMay(loaded, action, now, target);
  if (!r.ok) throw r.error;
}
