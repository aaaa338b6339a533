import { and, eq } from 'drizzle-orm';
import { categoryTitle, formSpecFor, slotSpec, type Category } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { submissions, users } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { findRegion } from '../../db/queries/regions.js';
import { AppError } from '../../errors.js';
import { renderApplicationBook } from '../../services/pdf/applicationBook.js';

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
  const { round, application } = await loadApplicationFor(ctx.db, actor, id);
  const [current] = await ctx.db.select().from(submissions).where(and(eq(submissions.applicationId, application.id), eq(submissions.status, 'current'))).limit(1);
  if (!current) throw new AppError('STATUS_CONFLICT', '申报书尚未提交，提交后才能导出PDF');
  const snap = current.snapshot as unknown as SubmissionSnapshot;
  const org = snap.organisation;
  const region = org.regionCode ? await findRegion(ctx.db, org.regionCode) : null;
  const values: Record<string, string> = {
    'org.name': org.name ?? '',
    'org.uscc': org.uscc ?? '',
    'org.regionName': region?.name ?? '',
    'contact.name': org.contact.name,
    'contact.position': org.contact.position,
    'contact.mobile': ctx.personalData.reveal(org.contact.mobileEnc),
    'contact.email': ctx.personalData.reveal(org.contact.emailEnc),
  };
  for (const [k, v] of Object.entries(org.registry ?? {})) values[`org.${k}`] = v ?? '';
  const pdf = await renderApplicationBook({
    number: current.number,
    roundName: round.name,
    categoryTitle: categoryTitle(snap.category, snap.subType),
    applicantName: org.name ?? '',
    recommender: await recommenderFor(ctx, application.regionCode),
    submittedAt: current.submittedAt,
    spec: formSpecFor(snap.category),
    data: snap.data,
    resolveFrom: (from) => values[from] ?? '',
    indicatorYears: round.config.indicatorYears,
    files: snap.files.map((f) => ({ slot: f.slot, slotLabel: slotSpec(f.slot)?.label ?? f.slot, name: f.name, size: f.size, sha256: f.sha256 })),
    verifyUrl: `${ctx.env.publicUrl}/verify/${encodeURIComponent(current.number)}`,
    opinion: null,
  });
  return { pdf, number: current.number };
}
