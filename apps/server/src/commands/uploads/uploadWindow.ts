import type { LoadedApplication } from '../../db/queries/applications.js';
import { applicantMay } from '../../policies/application.js';

/**
 * May bytes still be added to (or an upload be finished for) this application? As for any edit, the
 * status must allow an upload and the filling period must be open; but an upload that began before
 * the deadline may finish within the round's grace minutes, since a submit in the grace period
 * relies on exactly such uploads.
 */
export function assertUploadMayContinue(loaded: LoadedApplication, startedAt: Date, now: Date): void {
  const r = applicantMay(loaded, 'upload', now);
  if (r.ok) return;
  const closes = loaded.round.fillingClosesAt;
  const graceMs = (loaded.round.config.submitGraceMinutes ?? 0) * 60_000;
  const inGrace = r.error.code === 'DEADLINE_PASSED' && now > closes && startedAt <= closes && now.getTime() <= closes.getTime() + graceMs;
  if (!inGrace) throw r.error;
}
