import { and, eq, sql } from 'drizzle-orm';
import {
  CATEGORY_LETTERS,
  UPLOAD_SLOTS,
  formSpecFor,
  formatApplicationNumber,
  missingForSubmit,
  type Category,
  type MissingItem,
} from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { applications, numberCounters, submissions } from '../../db/schema/index.js';
import { loadApplicationFor } from '../../db/queries/applications.js';
import { listFiles } from '../../db/queries/files.js';
import { assertApplicantMay } from '../../policies/application.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';

export interface SubmitResult {
  number: string;
  submittedAt: Date;
}

/**
 * Submits the application: completeness check, then in one transaction (the application row locked)
 * a new number is issued, the previous submission is superseded and a frozen snapshot is kept.
 * Exactly one number per change: a repeated key, a double click or an unchanged application
 * answers with the number already issued.
 */
export async function submitApplication(ctx: AppContext, actor: Actor, id: string, opts: { idempotencyKey: string }): Promise<SubmitResult> {
  const loaded = await loadApplicationFor(ctx, actor, id);
  const earlier = await findByKey(ctx, id, opts.idempotencyKey);
  if (earlier) return earlier;

  const { application, organisation, round } = loaded;
  const now = ctx.now();
  const fileRows = await listFiles(ctx.db, id);
  // Grace after the deadline only for an upload that was already running when the deadline came.
  const graceStartedAt = fileRows
    .filter((f) => f.createdAt > round.fillingClosesAt)
    .map((f) => f.uploadStartedAt)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  if (application.status === 'submitted' && application.currentNumber) {
    return { number: application.currentNumber, submittedAt: application.submittedAt ?? now };
  }
  assertApplicantMay(loaded, 'submit', now, { graceStartedAt });

  const spec = formSpecFor(application.category as Category, round.config.formVersion);
  const missing: MissingItem[] = missingForSubmit(spec, application.data, { round: round.config, subType: application.subType });
  for (const slot of UPLOAD_SLOTS) {
    if (slot.required && !fileRows.some((f) => f.slot === slot.key)) {
      missing.push({ field: `file:${slot.key}`, label: slot.label, section: '上传材料', message: `请上传${slot.label}` });
    }
  }
  if (!organisation.contact) missing.push({ field: 'contact', label: '联系人', section: '单位信息', message: '请填写联系人' });
  if (missing.length) throw new AppError('INCOMPLETE', `申报书尚不完整，还有${missing.length}项需要填写或上传`, undefined, { missing });

  return ctx.db.transaction(async (tx) => {
    // The row lock serialises concurrent submits of one application.
    const [locked] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    const again = await tx.select().from(submissions).where(and(eq(submissions.applicationId, id), eq(submissions.idempotencyKey, opts.idempotencyKey))).limit(1);
    if (again[0]) return { number: again[0].number, submittedAt: again[0].submittedAt };
    if (!locked || locked.version !== application.version) throw new AppError('VERSION_CONFLICT', '申报书刚刚被修改，请确认最新内容后再提交', undefined, { currentVersion: locked?.version });
    if (locked.status === 'submitted' && locked.currentNumber) return { number: locked.currentNumber, submittedAt: locked.submittedAt ?? now };

    const number = await issueNumber(tx, { roundCode: round.code, regionCode: application.regionCode, category: application.category as Category });
    const previous = await tx
      .update(submissions)
      .set({ status: 'superseded', supersededAt: now })
      .where(and(eq(submissions.applicationId, id), eq(submissions.status, 'current')))
      .returning({ number: submissions.number });
    const contact = organisation.contact!;
    await tx.insert(submissions).values({
      applicationId: id,
      number,
      idempotencyKey: opts.idempotencyKey,
      applicationVersion: application.version,
      submittedAt: now,
      snapshot: {
        category: application.category,
        subType: application.subType,
        data: application.data,
        organisation: { name: organisation.name, uscc: organisation.uscc, regionCode: organisation.regionCode, registry: organisation.registry, contact },
        files: fileRows.map((f) => ({ id: f.id, slot: f.slot, name: f.originalName, size: f.size, kind: f.kind, sha256: f.sha256 })),
      },
    });
    await tx.update(applications).set({ status: 'submitted', currentNumber: number, submittedAt: now, updatedAt: now }).where(eq(applications.id, id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'application.submit',
      subjectType: 'application',
      subjectId: id,
      regionCode: application.regionCode,
      detail: { number, supersedes: previous.map((p) => p.number), version: application.version },
      ip: actor.ip,
    });
    return { number, submittedAt: now };
  });
}

async function findByKey(ctx: AppContext, applicationId: string, key: string): Promise<SubmitResult | null> {
  const [row] = await ctx.db.select().from(submissions).where(and(eq(submissions.applicationId, applicationId), eq(submissions.idempotencyKey, key))).limit(1);
  return row ? { number: row.number, submittedAt: row.submittedAt } : null;
}

/** Next sequence for round × region × category, atomically (the upsert takes the counter row's lock). */
async function issueNumber(tx: Tx, opts: { roundCode: string; regionCode: string; category: Category }): Promise<string> {
  const letter = CATEGORY_LETTERS[opts.category];
  const scope = `${opts.roundCode}-${opts.regionCode}-${letter}`;
  const [row] = await tx
    .insert(numberCounters)
    .values({ scope, last: 1 })
    .onConflictDoUpdate({ target: numberCounters.scope, set: { last: sql`${numberCounters.last} + 1` } })
    .returning({ last: numberCounters.last });
  return formatApplicationNumber({ roundCode: opts.roundCode, regionCode: opts.regionCode, letter, sequence: row!.last });
}
