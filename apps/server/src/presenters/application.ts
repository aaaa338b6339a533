import { asc, eq } from 'drizzle-orm';
import { eligibilityWarnings, formSpecFor, nextStatus, type ApplicationStatus, type ApplicationView, type Category, type FileView } from '@fw/shared';
import type { AppContext } from '../context.js';
import type { LoadedApplication } from '../db/queries/applications.js';
import { listFiles } from '../db/queries/files.js';
import { files as filesTable, reviews, submissions } from '../db/schema/index.js';
import { applicantMay } from '../policies/application.js';

type FileRow = typeof filesTable.$inferSelect;

export function presentFile(f: FileRow): FileView {
  return { id: f.id, slot: f.slot, name: f.originalName, size: f.size, kind: f.kind, sha256: f.sha256, createdAt: f.createdAt.toISOString(), flags: f.flags };
}

/** The application as its applicant sees it, with the eligibility warnings and what may be done now. */
export async function presentApplication(ctx: AppContext, loaded: LoadedApplication): Promise<ApplicationView> {
  const { application: a, organisation, round } = loaded;
  const now = ctx.now();
  const [fileRows, subs, checks] = await Promise.all([
    listFiles(ctx.db, a.id),
    ctx.db.select().from(submissions).where(eq(submissions.applicationId, a.id)).orderBy(asc(submissions.submittedAt)),
    ctx.db.select().from(reviews).where(eq(reviews.applicationId, a.id)).orderBy(asc(reviews.updatedAt)),
  ]);
  const spec = formSpecFor(a.category as Category, round.config.formVersion);
  const warnings = eligibilityWarnings(spec, a.data, {
    round: round.config,
    subType: a.subType,
    establishedOn: (organisation.registry?.establishedOn as string | null | undefined) ?? null,
    today: now.toISOString().slice(0, 10),
  });
  const status = a.status as ApplicationStatus;
  return {
    id: a.id,
    roundId: a.roundId,
    category: a.category as Category,
    subType: a.subType,
    status,
    version: a.version,
    data: a.data,
    currentNumber: a.currentNumber,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
    files: fileRows.map(presentFile),
    submissions: subs.map((s) => ({ number: s.number, status: s.status, submittedAt: s.submittedAt.toISOString() })),
    warnings,
    round: { id: round.id, code: round.code, name: round.name, fillingClosesAt: round.fillingClosesAt.toISOString(), config: round.config },
    closed: loaded.closed,
    reopening: loaded.reopening ? { reason: loaded.reopening.reason, expiresAt: loaded.reopening.expiresAt.toISOString(), scope: loaded.reopening.scope } : null,
    checks: checks.map((c) => ({ level: c.level, status: c.checkStatus as 'pending' | 'passed' | 'returned', reason: c.checkReason, at: c.checkedAt?.toISOString() ?? null })),
    can: {
      edit: applicantMay(loaded, 'save', now).ok,
      submit: applicantMay(loaded, 'submit', now).ok && status !== 'submitted' && !!nextStatus(status, 'submit'),
      changeCategory: subs.length === 0 && applicantMay(loaded, 'save', now).ok,
    },
  };
}
