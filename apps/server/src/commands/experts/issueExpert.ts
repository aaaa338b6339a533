import { eq } from 'drizzle-orm';
import type { IssueExpertBody } from '@fw/shared';
import type { Actor, AppContext } from '../../context.js';
import { experts, users } from '../../db/schema/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../services/audit.js';
import { assertUsernameFree, issuedCredentials } from '../accounts/issueAccount.js';
import { employerOf } from './employerOf.js';
import { assertMobileFree, assertWorkRegion } from './expertChecks.js';
import { poolRegionOf } from './poolRegion.js';

/**
 * Issues an expert account into the actor's pool. Like authority accounts, the one-time password is
 * returned once (stored only hashed) and the expert binds a contact, changes the password and enrols
 * the second factor at first login. The mobile is personal data: stored encrypted with a blind index.
 */
export async function issueExpert(ctx: AppContext, actor: Actor, input: IssueExpertBody & { via?: 'ui' | 'csv' }) {
  const poolRegion = poolRegionOf(actor);
  await assertWorkRegion(ctx.db, input.regionCode);
  await assertUsernameFree(ctx.db, input.username);
  if (input.mobile) await assertMobileFree(ctx, input.mobile);
  const employer = await employerOf(ctx, input);
  const { initialPassword, passwordHash } = await issuedCredentials();
  const now = ctx.now();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          role: 'expert',
          username: input.username,
          displayName: input.name,
          mobileEnc: input.mobile ? ctx.personalData.protect(input.mobile) : null,
          mobileIndex: input.mobile ? ctx.personalData.blindIndex(input.mobile) : null,
          mustChangePassword: true,
          issuedBy: actor.id,
          passwordHash,
          createdAt: now,
          passwordChangedAt: now,
        })
        .returning();
      const [expert] = await tx
        .insert(experts)
        .values({
          userId: user!.id,
          poolRegion,
          name: input.name,
          title: input.title ?? null,
          ...employer,
          regionCode: input.regionCode,
          fields: input.fields,
          categories: input.categories,
          maxLoad: input.maxLoad ?? null,
          declaredConflicts: input.declaredConflicts,
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'expert.issue',
        subjectType: 'user',
        subjectId: user!.id,
        regionCode: poolRegion,
        detail: { username: input.username, name: input.name, employerName: employer.employerName, employerUscc: employer.employerUscc, via: input.via ?? 'ui' },
        ip: actor.ip,
      });
      return { user: user!, expert: expert! };
    });
    return { ...row, initialPassword };
  } catch (err) {
    // Two issuers choosing the same name or mobile at once: the unique indexes decide.
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', '账号名或手机号已被使用', { username: '账号名或手机号已被使用' });
    throw err;
  }
}

/** The expert's row and account by id (after issuing or editing). */
export async function expertWithUser(ctx: Pick<AppContext, 'db'>, expertId: string) {
  const [row] = await ctx.db.select({ expert: experts, user: users }).from(experts).innerJoin(users, eq(users.id, experts.userId)).where(eq(experts.userId, expertId)).limit(1);
  return row!;
}
