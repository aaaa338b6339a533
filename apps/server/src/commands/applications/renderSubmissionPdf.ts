import { and, eq } from 'drizzle-orm';
import { allFields, categoryTitle, formSpecFor, readOnlyValues, slotSpec, type Category } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, reviews, rounds, submissions, users } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { findRegion, regionPath } from '../../db/queries/regions.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { renderApplicationBookOffThread } from '../../services/pdf/renderPool.js';

export interface SubmissionSnapshot {
  category: Category;
  subType: string | null;
  data: Record<string, unknown>;
  organisation: {
    name: string | null;
    uscc: string | null;
    regionCode: string | null;
    registry: Record<string, string | null> | null;
    contact: { name: string; position: string; mobileEnc: string; emailEnc: string };
  };
  files: { id: string; slot: string; name: string; size: number; kind: string; sha256: string }[];
}

/** The recommending authority printed on the cover: the province's authority account, else its generic name. */
async function recommenderFor(ctx: AppContext, regionCode: string): Promise<string> {
  const provinceCode = `${regionCode.slice(0, 2)}0000`;
  const [authority] = await ctx.db.select({ name: users.displayName }).from(users).where(and(eq(users.role, 'authority'), eq(users.regionCode, provinceCode))).limit(1);
  if (authority?.name) return authority.name;
  const province = await findRegion(ctx.db, provinceCode);
  return province ? `${province.name}工业和信息化主管部门` : '';
}

/** Renders the PDF application book of the current submission, exactly as it was submitted. */
export async function renderSubmissionPdf(ctx: AppContext, actor: Actor, id: string) {
  const { round, application } = await loadApplicationFor(ctx, actor, id);
  return renderCurrentSubmission(ctx, { round, application }, null);
}

/** The same book for an authority that may see the application, with its own recommendation opinion printed. */
export async function renderSubmissionPdfForAuthority(ctx: AppContext, actor: Actor, id: string) {
  const { round, application, authority } = await loadApplicationForAuthority(ctx, actor, id);
  const [review] = await ctx.db
    .select({ opinion: reviews.opinion })
    .from(reviews)
    .where(and(eq(reviews.applicationId, application.id), eq(reviews.reviewerRegion, authority.regionCode)))
    .limit(1);
  const rendered = await renderCurrentSubmission(ctx, { round, application }, review?.opinion ?? null);
  // The book prints the contact's mobile and e-mail in full, as the detail view shows them: logged alike.
  await recordAudit(ctx.db, {
    actorId: authority.id,
    action: 'personal_data.view',
    subjectType: 'application',
    subjectId: application.id,
    regionCode: application.regionCode,
    detail: { roundId: round.id, fields: ['contact.mobile', 'contact.email'], via: 'pdf', number: rendered.number },
    ip: authority.ip,
  });
  return rendered;
}

type RoundRow = typeof rounds.$inferSelect;
type ApplicationRow = typeof applications.$inferSelect;

/**
 * The book of the current submission. `withoutContactDetails` leaves the contact's mobile and e-mail out
 * (the experts' copy: they judge the content and need no way to reach the applicant).
 */
export async function renderCurrentSubmission(
  ctx: AppContext,
  { round, application }: { round: RoundRow; application: ApplicationRow },
  opinion: string | null,
  opts: { withoutContactDetails?: boolean } = {},
) {
  const [current] = await ctx.db.select().from(submissions).where(and(eq(submissions.applicationId, application.id), eq(submissions.status, 'current'))).limit(1);
  if (!current) throw new AppError('STATUS_CONFLICT', '申报书尚未提交，提交后才能导出PDF');
  const snap = current.snapshot as unknown as SubmissionSnapshot;
  const org = snap.organisation;
  const region = org.regionCode ? await findRegion(ctx.db, org.regionCode) : null;
  const spec = formSpecFor(snap.category, round.config.formVersion);
  const ctxForm = { round: round.config, subType: snap.subType };
  // The read-only fields as they were at submission: the organisation's registry data and its contact.
  const readOnly = readOnlyValues(
    spec,
    {
      org: { ...(org.registry ?? {}), name: org.name, uscc: org.uscc, regionName: (await regionPath(ctx.db, org.regionCode)) ?? region?.name ?? '' },
      contact: opts.withoutContactDetails
        ? { name: org.contact.name, position: org.contact.position, mobile: '', email: '' }
        : { name: org.contact.name, position: org.contact.position, mobile: ctx.personalData.reveal(org.contact.mobileEnc), email: ctx.personalData.reveal(org.contact.emailEnc) },
      today: current.submittedAt.toISOString().slice(0, 10),
    },
    ctxForm,
  );
  const byFrom = new Map<string, string>();
  for (const f of allFields(spec)) if (f.from) byFrom.set(f.from, readOnly[f.key] == null ? '' : String(readOnly[f.key]));
  const pdf = await renderApplicationBookOffThread({
    number: current.number,
    roundName: round.name,
    categoryTitle: categoryTitle(snap.category, snap.subType),
    applicantName: org.name ?? '',
    recommender: await recommenderFor(ctx, application.regionCode),
    submittedAt: current.submittedAt,
    spec,
    context: ctxForm,
    data: snap.data,
    resolveFrom: (from) => byFrom.get(from) ?? '',
    indicatorYears: round.config.indicatorYears,
    files: snap.files.map((f) => ({ slot: f.slot, slotLabel: slotSpec(f.slot)?.label ?? f.slot, name: f.name, size: f.size, sha256: f.sha256 })),
    verifyUrl: `${ctx.env.publicUrl}/verify/${encodeURIComponent(current.number)}`,
    opinion,
  });
  return { pdf, number: current.number };
}
