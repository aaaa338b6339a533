import { eq } from 'drizzle-orm';
import type { RoundConfig, UpdateRoundBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { rounds } from '../../db/schema/index.js';
import { loadRoundForOrganiser } from '../../policies/organiser.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { applicationCounts, lockedChanges } from './roundLocks.js';
import { assertValidRound, codeTaken, isCodeTaken } from './validateRound.js';

/**
 * Edits a round's name, code, year, filling dates and settings (the config is replaced whole). Once an
 * application was started, the settings its form depends on stay as they are; a published round is final.
 */
export async function updateRound(ctx: AppContext, actor: Actor, roundId: string, body: UpdateRoundBody) {
  const loaded = await loadRoundForOrganiser(ctx, actor, roundId);
  if (loaded.status === 'published') throw new AppError('STATUS_CONFLICT', '本批次已发布，设置不能再修改');
  try {
    return await ctx.db.transaction(async (tx) => {
      // The row lock orders concurrent edits; counts are read after it.
      const [round] = await tx.select().from(rounds).where(eq(rounds.id, loaded.id)).for('update');
      const next = {
        code: body.code ?? round!.code,
        name: body.name ?? round!.name,
        year: body.year ?? round!.year,
        fillingOpensAt: body.fillingOpensAt ?? round!.fillingOpensAt.toISOString(),
        fillingClosesAt: body.fillingClosesAt ?? round!.fillingClosesAt.toISOString(),
        config: (body.config ?? round!.config) as RoundConfig,
      };
      assertValidRound(next.config, round!.organiserRegion, next);
      const { started } = await applicationCounts(tx, round!.id);
      if (started > 0) {
        const locked = lockedChanges(round!, next);
        const first = Object.values(locked)[0];
        if (first) throw new AppError('STATUS_CONFLICT', first, locked);
      }
      if (next.code !== round!.code) {
        const [taken] = await tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.code, next.code)).limit(1);
        if (taken) throw codeTaken(next.code);
      }
      const [updated] = await tx
        .update(rounds)
        .set({ ...next, fillingOpensAt: new Date(next.fillingOpensAt), fillingClosesAt: new Date(next.fillingClosesAt) })
        .where(eq(rounds.id, round!.id))
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'round.update',
        subjectType: 'round',
        subjectId: round!.id,
        regionCode: round!.organiserRegion,
        detail: { code: updated!.code, changed: changedKeys(round!, updated!) },
        ip: actor.ip,
      });
      return updated!;
    });
  } catch (err) {
    if (isCodeTaken(err)) throw codeTaken(body.code ?? '');
    throw err;
  }
}

/** Which top-level fields and config keys an edit changed (for the audit trail). */
function changedKeys(before: typeof rounds.$inferSelect, after: typeof rounds.$inferSelect): string[] {
  const keys: string[] = [];
  for (const k of ['code', 'name', 'year'] as const) if (before[k] !== after[k]) keys.push(k);
  for (const k of ['fillingOpensAt', 'fillingClosesAt'] as const) if (before[k].getTime() !== after[k].getTime()) keys.push(k);
  const b = before.config as Record<string, unknown>;
  const a = after.config as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) if (JSON.stringify(b[k]) !== JSON.stringify(a[k])) keys.push(`config.${k}`);
  return keys;
}
