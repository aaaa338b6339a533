import { and, eq, isNull } from 'drizzle-orm';
import { regionContains } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { reopenings } from '../../db/schema/index.js';
import { asAuthority, loadApplicationForAuthority } from '../../db/queries/authorityScope.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';

/**
 * Re-closes a reopening before its expiry. The region that opened it, or one above it, may do so;
 * an expired one has already ended by itself.
 */
export async function closeReopening(ctx: AppContext, actor: Actor, reopeningId: string) {
  const authority = asAuthority(actor);
  if (!/^[0-9a-f-]{36}$/i.test(reopeningId)) throw notFound('重新开放记录');
  const [found] = await ctx.db.select().from(reopenings).where(eq(reopenings.id, reopeningId)).limit(1);
  if (!found) throw notFound('重新开放记录');
  // Through the application: a foreign one answers 404 like a missing one.
  const { application, round } = await loadApplicationForAuthority(ctx, authority, found.applicationId).catch(() => {
    throw notFound('重新开放记录');
  });
  if (!regionContains(authority.regionCode, found.openedByRegion)) throw new AppError('FORBIDDEN', '只有开放该申报的主管部门或其上级可以结束重新开放');
  const now = ctx.now();
  if (!found.closedAt && found.expiresAt <= now) throw new AppError('STATUS_CONFLICT', '该重新开放已到期自动结束');
  return ctx.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(reopenings)
      .set({ closedAt: now, closedBy: authority.id })
      .where(and(eq(reopenings.id, found.id), isNull(reopenings.closedAt)))
      .returning();
    if (!closed) throw new AppError('STATUS_CONFLICT', '该重新开放已经结束');
    await recordAudit(tx, {
      actorId: authority.id,
      action: 'application.reclose',
      subjectType: 'application',
      subjectId: application.id,
      regionCode: application.regionCode,
      detail: { roundId: round.id, reopeningId: found.id, number: application.currentNumber },
      ip: authority.ip,
    });
    return closed;
  });
}
