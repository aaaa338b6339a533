import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../context.js';
import { regionClosures } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { loadRoundForAuthority } from './loadRound.js';

/**
 * 申报截止: closes applications of the authority's whole region in the round (all categories). From
 * then on no applicant inside the region may change anything (policies/application.ts). A closing
 * that was undone is closed again on the same row.
 */
export async function closeRegion(ctx: AppContext, actor: Actor, roundId: string) {
  const { round, authority } = await loadRoundForAuthority(ctx, actor, roundId);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(regionClosures)
      .where(and(eq(regionClosures.roundId, round.id), eq(regionClosures.regionCode, authority.regionCode)))
      .for('update');
    if (existing && !existing.undoneAt) throw new AppError('STATUS_CONFLICT', '本地区已经截止申报');
    if (existing) {
      await tx.update(regionClosures).set({ closedAt: now, closedBy: authority.id, undoneAt: null, undoneBy: null }).where(eq(regionClosures.id, existing.id));
    } else {
      // Two clicks at once: the unique (round, region) lets one insert through.
      const inserted = await tx
        .insert(regionClosures)
        .values({ roundId: round.id, regionCode: authority.regionCode, closedAt: now, closedBy: authority.id })
        .onConflictDoNothing()
        .returning({ id: regionClosures.id });
      if (!inserted.length) throw new AppError('STATUS_CONFLICT', '本地区已经截止申报');
    }
    await recordAudit(tx, {
      actorId: authority.id,
      action: 'region.close',
      subjectType: 'round',
      subjectId: round.id,
      regionCode: authority.regionCode,
      detail: { roundId: round.id },
      ip: authority.ip,
    });
  });
  return { round, authority };
}
