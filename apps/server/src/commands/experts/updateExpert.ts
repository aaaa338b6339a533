import { eq } from 'drizzle-orm';
import type { UpdateExpertBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { experts, users } from '../../db/schema/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { employerOf } from './employerOf.js';
import { assertMobileFree, assertWorkRegion } from './expertChecks.js';
import { loadPoolExpert } from './loadPoolExpert.js';

/**
 * Edits an expert of the actor's pool: profile, employer (the legal representative re-read from the
 * registry), region, categories, cap, declared conflicts, or (de)activation. Assignments already made
 * stay; the next assignment run withdraws those not yet started that no longer fit (see commitAssignments).
 */
export async function updateExpert(ctx: AppContext, actor: Actor, expertId: string, input: UpdateExpertBody) {
  const { expert, user } = await loadPoolExpert(ctx, actor, expertId);
  if (input.regionCode !== undefined) await assertWorkRegion(ctx.db, input.regionCode);
  if (input.mobile) await assertMobileFree(ctx, input.mobile, user.id);

  const changes: Partial<typeof experts.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.title !== undefined) changes.title = input.title;
  if (input.regionCode !== undefined) changes.regionCode = input.regionCode;
  if (input.fields !== undefined) changes.fields = input.fields;
  if (input.categories !== undefined) changes.categories = input.categories;
  if (input.maxLoad !== undefined) changes.maxLoad = input.maxLoad;
  if (input.declaredConflicts !== undefined) changes.declaredConflicts = input.declaredConflicts;
  if (input.active !== undefined) changes.active = input.active;
  if (input.employerName !== undefined || input.employerUscc !== undefined || input.employerLegalRepresentative !== undefined) {
    const uscc = input.employerUscc !== undefined ? input.employerUscc : expert.employerUscc;
    Object.assign(
      changes,
      await employerOf(ctx, {
        employerName: input.employerName ?? expert.employerName,
        employerUscc: uscc,
        // A new code forgets the old representative unless one is typed with it.
        employerLegalRepresentative: input.employerLegalRepresentative !== undefined || uscc !== expert.employerUscc ? input.employerLegalRepresentative : expert.employerLegalRepresentative,
      }),
    );
  }
  const userChanges: Partial<typeof users.$inferInsert> = {};
  if (changes.name) userChanges.displayName = changes.name;
  if (input.mobile !== undefined) {
    userChanges.mobileEnc = input.mobile ? ctx.personalData.protect(input.mobile) : null;
    userChanges.mobileIndex = input.mobile ? ctx.personalData.blindIndex(input.mobile) : null;
  }

  const changed = [...Object.keys(changes), ...(input.mobile !== undefined ? ['mobile'] : [])];
  const action = input.active === false && expert.active ? 'expert.deactivate' : input.active === true && !expert.active ? 'expert.activate' : 'expert.update';
  try {
    await ctx.db.transaction(async (tx) => {
      if (Object.keys(changes).length) await tx.update(experts).set(changes).where(eq(experts.userId, expert.userId));
      if (Object.keys(userChanges).length) await tx.update(users).set(userChanges).where(eq(users.id, user.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action,
        subjectType: 'user',
        subjectId: user.id,
        regionCode: expert.poolRegion,
        // Which fields changed, not their values: the mobile is personal data.
        detail: { changed, ...(changes.employerUscc !== undefined ? { employerUscc: changes.employerUscc } : {}) },
        ip: actor.ip,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', '该手机号已被其他账号使用', { mobile: '该手机号已被其他账号使用' });
    throw err;
  }
}
