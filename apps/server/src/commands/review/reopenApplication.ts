import { eq } from 'drizzle-orm';
import { SLOT_KEYS, formSpecFor, type Category } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { applications, reopenings, type ReopenScope } from '../../db/schema/index.js';
import { loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { activeReopening, isRegionClosed } from '../../db/queries/closures.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';

/** The longest a reopening may last. */
export const REOPEN_MAX_DAYS = 30;

export interface ReopenInput {
  /** Shown to the applicant. */
  reason: string;
  /** The reopening ends by itself at this moment. */
  expiresAt: Date;
  /** The whole application, or only these sections and upload slots. */
  scope: ReopenScope;
}

/**
 * Reopens one applicant of a closed region for a while: it may change what the scope opens and
 * re-submit (a new number) until the authority re-closes it or it expires.
 */
export async function reopenApplication(ctx: AppContext, actor: Actor, id: string, input: ReopenInput) {
  const { application, round, authority } = await loadApplicationForAuthority(ctx, actor, id);
  const now = ctx.now();
  if (input.expiresAt <= now) throw new AppError('VALIDATION', '截止时间必须晚于当前时间', { expiresAt: '截止时间必须晚于当前时间' });
  if (input.expiresAt.getTime() > now.getTime() + REOPEN_MAX_DAYS * 86400_000) {
    throw new AppError('VALIDATION', `重新开放的期限不能超过${REOPEN_MAX_DAYS}天`, { expiresAt: `不能超过${REOPEN_MAX_DAYS}天` });
  }
  const scope = normaliseScope(application.category as Category, input.scope);
  if (!(await isRegionClosed(ctx.db, round.id, application.regionCode))) {
    throw new AppError('STATUS_CONFLICT', '该申报单位所在地区尚未截止申报，申报单位仍可自行修改，无需重新开放');
  }
  return ctx.db.transaction(async (tx) => {
    // The application row lock makes two reopenings at once impossible.
    await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, application.id)).for('update');
    if (await activeReopening(tx, application.id, now)) throw new AppError('STATUS_CONFLICT', '该申报已处于重新开放状态');
    const [row] = await tx
      .insert(reopenings)
      .values({ applicationId: application.id, reason: input.reason, scope, openedBy: authority.id, openedByRegion: authority.regionCode, openedAt: now, expiresAt: input.expiresAt })
      .returning();
    await recordAudit(tx, {
      actorId: authority.id,
      action: 'application.reopen',
      subjectType: 'application',
      subjectId: application.id,
      regionCode: application.regionCode,
      detail: { roundId: round.id, reopeningId: row!.id, reason: input.reason, scope, expiresAt: input.expiresAt.toISOString(), number: application.currentNumber },
      ip: authority.ip,
    });
    return row!;
  });
}

/** Keeps only known section and slot keys; a partial scope must open something. */
function normaliseScope(category: Category, scope: ReopenScope): ReopenScope {
  if (scope.whole) return { whole: true, sections: [], slots: [] };
  const sectionKeys = formSpecFor(category).sections.map((s) => s.key);
  const unknownSection = scope.sections.find((s) => !sectionKeys.includes(s));
  if (unknownSection) throw new AppError('VALIDATION', `申报表中没有“${unknownSection}”这一部分`, { 'scope.sections': '包含未知的申报表部分' });
  const unknownSlot = scope.slots.find((s) => !(SLOT_KEYS as string[]).includes(s));
  if (unknownSlot) throw new AppError('VALIDATION', `没有“${unknownSlot}”这一上传栏目`, { 'scope.slots': '包含未知的上传栏目' });
  const sections = [...new Set(scope.sections)];
  const slots = [...new Set(scope.slots)];
  if (!sections.length && !slots.length) throw new AppError('VALIDATION', '请选择要开放修改的内容', { scope: '请选择整份申报书，或至少一个部分或上传栏目' });
  return { whole: false, sections, slots };
}
